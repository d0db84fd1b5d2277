package io.payops.cli;

import io.payops.common.BadInputException;
import io.payops.domain.Status;
import io.payops.ui.ConsoleOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code console --events} takes the mapping options ingest takes; checked before any window opens. */
class ConsoleCommandTest {
    @TempDir
    Path dir;

    private ConsoleOptions validated(String... args) {
        ConsoleCommand c = new ConsoleCommand();
        new CommandLine(c).parseArgs(args);
        return c.validated();
    }

    @Test
    void anEventLogIsOpenedWithTheMappingTheOptionsSay() throws IOException {
        Path log = Files.writeString(dir.resolve("routes.csv"), "t,route,res,rt\n");
        ConsoleOptions o = validated("--state", dir.resolve("state").toString(), "--events", log.toString(),
                "--map", "gateway=route", "--map", "ts=t", "--status-map", "E10=ISSUER_DOWN", "--tz", "Asia/Kolkata");
        assertEquals(Map.of("gateway", "route", "ts", "t"), o.mapping().fields());
        assertEquals(Map.of("E10", Status.ISSUER_DOWN), o.mapping().statuses());
        assertEquals(ZoneId.of("Asia/Kolkata"), o.mapping().zone());
        assertTrue(validated("--events", log.toString()).mapping().isEmpty(), "none said: names and aliases");
    }

    @Test
    void mappingOptionsNeedAnEventLogAndStrictIsForIngest() throws IOException {
        BadInputException e = assertThrows(BadInputException.class, () -> validated("--map", "gateway=route"));
        assertTrue(e.getMessage().contains("need --events FILE"), e.getMessage());
        Path log = Files.writeString(dir.resolve("l.csv"), "ts,gateway,status,latency_ms\n");
        e = assertThrows(BadInputException.class, () -> validated("--events", log.toString(), "--strict"));
        assertTrue(e.getMessage().startsWith("--strict: not for the console"), e.getMessage());
        e = assertThrows(BadInputException.class, () -> validated("--events", log.toString(), "--map", "bank=x"));
        assertTrue(e.getMessage().contains("'bank' is not a field"), e.getMessage());
    }
}
