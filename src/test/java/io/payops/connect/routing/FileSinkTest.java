package io.payops.connect.routing;

import io.payops.connect.RetrySchedule;
import com.fasterxml.jackson.databind.JsonNode;
import io.payops.common.Json;
import io.payops.domain.Frame;
import io.payops.sim.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --routing-file}: the routing in force with its last change, replaced whole after every change. */
class FileSinkTest {
    @TempDir
    Path dir;

    @Test
    void theFileIsReplacedWholeNeverWrittenInPlace() throws Exception {
        Path file = dir.resolve("routing.json");
        Files.writeString(file, "the routing a reader has open\n");
        // a second name for the old file: a write in place would change it, a rename over the name leaves it whole
        Path reader = dir.resolve("what-a-reader-has-open");
        Files.createLink(reader, file);

        RoutingChangeFinderTest.Run run = RoutingChangeFinderTest.run("hdfc-trouble-spreads", "manual", 400);
        List<String> warnings = new ArrayList<>();
        RoutingConnector c = new RoutingConnector(new FileSink(file), warnings::add,
                Clock.fixed(RoutingChangeFinderTest.T0, ZoneOffset.UTC), RetrySchedule.DEFAULT);
        c.sessionStarted(RoutingChangeFinderTest.session("s-7", false,
                ScenarioLoader.resolve("hdfc-trouble-spreads").withSeed(7)));
        for (Frame f : run.frames()) {
            c.frame(f);
        }
        c.sessionEnded();
        c.close();

        assertEquals("the routing a reader has open\n", Files.readString(reader));
        String text = Files.readString(file);
        assertTrue(text.endsWith("}\n"), text);
        RoutingDocument last = run.documents().get(run.documents().size() - 1);
        JsonNode json = Json.mapper().readTree(text);
        assertEquals(last.idempotencyKey(), json.get("idempotencyKey").asText());
        assertEquals(Json.mapper().readTree(Json.mapper().writeValueAsBytes(last)), json,
                "the same document the webhook gets");
        assertEquals(run.documents().size(), c.health().delivered());
        assertEquals(List.of(), warnings);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(Set.of(file, reader), files.collect(Collectors.toSet()), "no temporary file left");
        }
    }

    @Test
    void aFileThatCannotBeWrittenIsRetriedCountedAndSaidOnce() throws Exception {
        Path notAFolder = dir.resolve("plain-file");
        Files.writeString(notAFolder, "x");
        Path file = notAFolder.resolve("routing.json");
        RoutingChangeFinderTest.Run run = RoutingChangeFinderTest.run("stripe-outage", "manual", 400);
        List<String> warnings = new ArrayList<>();
        RoutingConnector c = new RoutingConnector(new FileSink(file), warnings::add,
                Clock.fixed(RoutingChangeFinderTest.T0, ZoneOffset.UTC), new RetrySchedule(0, 0, 3));
        c.sessionStarted(RoutingChangeFinderTest.session("s-7", false, ScenarioLoader.resolve("stripe-outage")));
        for (Frame f : run.frames()) {
            c.frame(f);
        }
        int n = run.documents().size();
        assertTrue(RoutingReceiver.await(() -> c.health().dropped() == n), c.health().toString());
        c.close();
        assertEquals(3L * n, c.health().failed(), "three attempts each");
        assertTrue(c.health().lastError().contains("cannot write it") && c.health().lastError().contains("gave up"),
                c.health().lastError());
        assertEquals(1, warnings.size(), "said once: " + warnings);
        assertTrue(warnings.get(0).startsWith("routing file " + file + ": cannot write it"), warnings.get(0));
    }
}
