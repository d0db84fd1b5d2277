package io.payops.ingest;

import io.payops.common.BadInputException;
import io.payops.domain.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DESIGN §5.4: every kind of bad line is counted and reported with its number, and reading goes on. */
class EventLogReaderTest {
    static final String GOOD = "{\"ts\":\"2026-11-21T10:00:00.250Z\",\"paymentId\":7,\"attempt\":1,\"gateway\":\"stripe\","
            + "\"issuer\":\"HDFC\",\"network\":\"VISA\",\"method\":\"CARD\",\"merchant\":\"shopkart\",\"amount\":120.5,"
            + "\"currency\":\"INR\",\"status\":\"SUCCESS\",\"latencyMs\":312}";

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    record Read(List<EventFields> events, EventLogStats stats) {
    }

    static Read readAll(Path file) {
        List<EventFields> events = new ArrayList<>();
        try (EventLogReader r = EventLogReader.open(file, null, false)) {
            EventFields f = new EventFields();
            while (r.next(f)) {
                EventFields copy = new EventFields();
                copy.ts = f.ts;
                copy.hasTs = f.hasTs;
                copy.paymentId = f.paymentId;
                copy.attemptNo = f.attemptNo;
                copy.gateway = f.gateway;
                copy.issuer = f.issuer;
                copy.network = f.network;
                copy.method = f.method;
                copy.merchant = f.merchant;
                copy.amount = f.amount;
                copy.currency = f.currency;
                copy.status = f.status;
                copy.latencyMs = f.latencyMs;
                events.add(copy);
            }
            return new Read(events, r.stats());
        }
    }

    @Test
    void aGoodLineGivesEveryField() throws IOException {
        Read r = readAll(write("a.jsonl", GOOD + "\n"));
        assertEquals(1, r.events.size());
        EventFields e = r.events.get(0);
        assertEquals(java.time.Instant.parse("2026-11-21T10:00:00.250Z").toEpochMilli(), e.ts);
        assertEquals(7, e.paymentId);
        assertEquals("stripe", e.gateway);
        assertEquals("shopkart", e.merchant);
        assertEquals(120.5, e.amount);
        assertEquals(Status.SUCCESS, e.status);
        assertEquals(312, e.latencyMs);
        assertEquals(0, r.stats.badLines());
    }

    @Test
    void malformedMissingAndWrongTypedLinesAreCountedWithTheirNumbersAndReadingGoesOn() throws IOException {
        String[] bad = {
                "{\"ts\":\"2026-11-21T10:00:01Z\",\"status\":\"SUCCESS\"",                           // 2: not closed
                "not json at all",                                                                   // 3
                "{\"status\":\"SUCCESS\",\"latencyMs\":10,\"gateway\":\"stripe\"}",                  // 4: no ts
                "{\"ts\":\"2026-11-21T10:00:01Z\",\"latencyMs\":10,\"gateway\":\"stripe\"}",          // 5: no status
                "{\"ts\":\"2026-11-21T10:00:01Z\",\"status\":\"SUCCESS\",\"gateway\":\"stripe\"}",    // 6: no latency
                "{\"ts\":\"2026-11-21T10:00:01Z\",\"status\":\"SUCCESS\",\"latencyMs\":10}",          // 7: no dimension
                "{\"ts\":\"2026-11-21T10:00:01Z\",\"status\":\"SUCCESS\",\"latencyMs\":\"fast\",\"gateway\":\"stripe\"}", // 8
                "{\"ts\":true,\"status\":\"SUCCESS\",\"latencyMs\":1,\"gateway\":\"stripe\"}",         // 9: boolean ts
                "{\"ts\":\"2026-11-21T10:00:01Z\",\"status\":\"SUCCESS\",\"latencyMs\":-1,\"gateway\":\"stripe\"}", // 10
                "{\"ts\":\"2026-11-21T10:00:01Z\",\"status\":\"SUCCESS\",\"latencyMs\":1,\"gateway\":[\"stripe\"]}", // 11
                "{\"ts\":1732183200000000,\"status\":\"SUCCESS\",\"latencyMs\":1,\"gateway\":\"stripe\"}", // 12: µs
                "{\"ts\":\"2026-02-30T10:00:00Z\",\"status\":\"SUCCESS\",\"latencyMs\":1,\"gateway\":\"stripe\"}", // 13
                "[1,2,3]",                                                                            // 14
        };
        StringBuilder text = new StringBuilder(GOOD).append('\n');
        for (String b : bad) {
            text.append(b).append('\n');
        }
        text.append(GOOD).append('\n');
        Read r = readAll(write("bad.jsonl", text.toString()));
        assertEquals(2, r.events.size(), "the good lines around the bad ones are read");
        assertEquals(13, r.stats.badLines());
        assertEquals(EventLogStats.FIRST_BAD_LINES, r.stats.firstBadLines().size(), "only the first ten are kept");
        List<Long> lines = r.stats.firstBadLines().stream().map(BadLine::line).toList();
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L), lines);
        List<String> problems = r.stats.firstBadLines().stream().map(BadLine::problem).toList();
        assertTrue(problems.get(0).startsWith("not valid JSON"), problems.get(0));
        assertTrue(problems.get(1).startsWith("not a JSON object"), problems.get(1));
        assertTrue(problems.get(2).startsWith("ts is missing"), problems.get(2));
        assertTrue(problems.get(3).startsWith("status is missing"), problems.get(3));
        assertTrue(problems.get(4).startsWith("latencyMs is missing"), problems.get(4));
        assertTrue(problems.get(5).startsWith("no dimension"), problems.get(5));
        assertTrue(problems.get(6).contains("latencyMs: 'fast' is not a number"), problems.get(6));
        assertTrue(problems.get(7).contains("ts: expected a time"), problems.get(7));
        assertTrue(problems.get(8).contains("latencyMs: -1 is out of range"), problems.get(8));
        assertTrue(problems.get(9).contains("gateway: expected a string, was an array"), problems.get(9));
        assertTrue(r.stats.mostlyBad(), "13 bad of 15 is more than half");
    }

    @Test
    void epochMicrosecondsAndImpossibleDatesSayWhatWasExpected() throws IOException {
        Read r = readAll(write("t.jsonl",
                "{\"ts\":1732183200000000,\"status\":\"SUCCESS\",\"latencyMs\":1,\"gateway\":\"stripe\"}\n"
                        + "{\"ts\":\"2026-02-30T10:00:00Z\",\"status\":\"SUCCESS\",\"latencyMs\":1,\"gateway\":\"stripe\"}\n"));
        assertTrue(r.stats.firstBadLines().get(0).problem().contains("epoch microseconds? expected seconds or milliseconds"),
                r.stats.firstBadLines().get(0).problem());
        assertTrue(r.stats.firstBadLines().get(1).problem().contains("is not a time (expected ISO-8601"),
                r.stats.firstBadLines().get(1).problem());
    }

    @Test
    void aOneMegabyteLineIsOneBadLineAndTheNextLineIsRead() throws IOException {
        Path p = dir.resolve("huge.jsonl");
        try (OutputStream out = Files.newOutputStream(p)) {
            out.write((GOOD + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] big = new byte[1 << 20];
            java.util.Arrays.fill(big, (byte) 'x');
            big[0] = '{';
            out.write(big);
            out.write('\n');
            out.write((GOOD + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Read r = readAll(p);
        assertEquals(2, r.events.size());
        assertEquals(1, r.stats.badLines());
        assertEquals(new BadLine(2, "longer than 65536 bytes (expected one event per line)"), r.stats.firstBadLines().get(0));
        assertEquals(3, r.stats.lines());
    }

    @Test
    void aLineOverTheLimitIsBadEvenWhenItFitsTheBufferAndACsvQuotedFieldToo() throws IOException {
        String longJson = "{\"ts\":1795255200123,\"status\":\"SUCCESS\",\"latencyMs\":1,\"gateway\":\""
                + "g".repeat(100_000) + "\"}";
        Read r = readAll(write("long.jsonl", longJson + "\n" + GOOD + "\n"));
        assertEquals(1, r.events.size());
        assertEquals(new BadLine(1, "longer than 65536 bytes (expected one event per line)"), r.stats.firstBadLines().get(0));

        String csv = "ts,status,latencyMs,gateway\n1795255200123,SUCCESS,1,\"" + "q".repeat(70_000) + "\"\n"
                + "1795255200123,SUCCESS,1,\"" + "w".repeat(60_000) + "\"\n";
        r = readAll(write("long.csv", csv));
        assertEquals(1, r.stats.badLines(), r.stats.firstBadLines().toString());
        assertEquals(1, r.events.size(), "a 60 KB quoted field is under the limit");
        // read, but as a dimension value it is cut to its first 128 characters, and counted
        assertEquals("w".repeat(ValueCache.MAX_VALUE_CHARS), r.events.get(0).gateway);
        assertEquals(1, r.stats.valuesTruncated());
    }

    @Test
    void aGzipCutShortIsBadInputNamingTheFileNotACrash() throws IOException {
        Path whole = dir.resolve("whole.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(whole))) {
            for (int i = 0; i < 20_000; i++) {
                out.write((GOOD + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.jsonl.gz");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        BadInputException e = assertThrows(BadInputException.class, () -> readAll(cut));
        assertTrue(e.getMessage().contains("cut.jsonl.gz' cannot be read after line"), e.getMessage());
    }

    @Test
    void invalidJsonInsideIgnoredValuesAndLenientNumbersAreRefused() throws IOException {
        String base = "\"ts\":1795255200123,\"status\":\"SUCCESS\",\"gateway\":\"g\"";
        String[] bad = {
                "{\"x\":[},\"latencyMs\":1," + base + "}",
                "{\"x\":{a b},\"latencyMs\":1," + base + "}",
                "{\"x\":[1,,2],\"latencyMs\":1," + base + "}",
                "{\"x\":\"\\u\u0660\u0666\u0666\u0661\",\"latencyMs\":1," + base + "}",
                "{\"latencyMs\":\"12f\"," + base + "}",
                "{\"latencyMs\":\"0x1p4\"," + base + "}",
                "{\"latencyMs\":1," + base + ",}",
                "{\"latencyMs\":01," + base + "}",
        };
        Read r = readAll(write("strict.jsonl", String.join("\n", bad) + "\n"));
        assertEquals(0, r.events.size(), r.events.toString());
        assertEquals(bad.length, r.stats.badLines());
        Read ok = readAll(write("nested.jsonl", "{\"x\":{\"a\":[1,{\"b\":null},\"]\"],\"c\":-1.5e3},\"latencyMs\":1," + base + "}\n"));
        assertEquals(1, ok.events.size(), ok.stats.firstBadLines().toString());
    }

    @Test
    void anEmptyFileHasNoEventsAndNoBadLines() throws IOException {
        Read r = readAll(write("empty.jsonl", ""));
        assertEquals(0, r.events.size());
        assertEquals(0, r.stats.badLines());
        assertEquals(0, r.stats.candidateLines());
    }

    @Test
    void aBinaryFileIsBadLinesNeverACrash() throws IOException {
        byte[] noise = new byte[200_000];
        new SplittableRandom(7).nextBytes(noise);
        Path p = dir.resolve("noise.jsonl");
        Files.write(p, noise);
        Read r = readAll(p);
        assertEquals(0, r.events.size());
        assertTrue(r.stats.badLines() > 100, "every line of noise is bad: " + r.stats.badLines());
        assertTrue(r.stats.mostlyBad());
    }

    @Test
    void aBinaryFileReadAsCsvFailsOnItsHeaderNamingTheFile() throws IOException {
        byte[] noise = new byte[10_000];
        new SplittableRandom(3).nextBytes(noise);
        noise[0] = 'P';
        Path p = dir.resolve("noise.bin");
        Files.write(p, noise);
        BadInputException e = assertThrows(BadInputException.class, () -> readAll(p));
        assertTrue(e.getMessage().contains("noise.bin") && e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void crlfBomBlankLinesUnknownKeysNestedValuesEscapesAndQuotedNumbersAreFine() throws IOException {
        String line = "{\"extra\":{\"a\":[1,{\"b\":\"}\"}]},\"ts\":\"1795255200123\",\"status\":\"issuer-down\","
                + "\"latencyMs\":\"45.6\",\"issuer\":\"St. \\\"Mary\\u0027s\\\" Bank\",\"merchant\":1042,\"flag\":true,"
                + "\"currency\":null}";
        Read r = readAll(write("mixed.jsonl", "\uFEFF" + line + "\r\n\r\n   \n" + line + "\n"));
        assertEquals(2, r.events.size(), r.stats.firstBadLines().toString());
        EventFields e = r.events.get(0);
        assertEquals(1795255200123L, e.ts);
        assertEquals(Status.ISSUER_DOWN, e.status);
        assertEquals(46, e.latencyMs);
        assertEquals("St. \"Mary's\" Bank", e.issuer);
        assertEquals("1042", e.merchant);
        assertEquals(null, e.currency);
        assertEquals(2, r.stats.blankLines());
    }

    @Test
    void aPlainDecimalIsReadAsTheDoubleNearestIt() throws IOException {
        String[] amounts = {"3.72", "0.1", "0.3", "120.5", "1234567.891", "99999999999999.9", "0.000000000001", "7",
                "4.35", "1.0000000000001"};
        StringBuilder log = new StringBuilder();
        for (String a : amounts) {
            log.append(GOOD.replace("\"amount\":120.5", "\"amount\":" + a)).append('\n');
        }
        Read r = readAll(write("amounts.jsonl", log.toString()));
        assertEquals(amounts.length, r.events.size(), r.stats.firstBadLines().toString());
        for (int i = 0; i < amounts.length; i++) {
            assertEquals(Double.parseDouble(amounts[i]), r.events.get(i).amount, amounts[i]);
        }
        assertEquals(3.72, r.events.get(0).amount, "not 3.7199999999999998");
        // a CSV latency of 2.5 ms rounds to 3 as it always did
        Read csv = readAll(write("l.csv", "ts,gateway,status,latencyMs,amount\n2026-11-21T10:00:00Z,stripe,SUCCESS,2.5,3.72\n"));
        assertEquals(3, csv.events.get(0).latencyMs);
        assertEquals(3.72, csv.events.get(0).amount);
    }

    @Test
    void csvWithAHeaderInAnyOrderQuotedFieldsAndAnIgnoredColumn() throws IOException {
        String csv = "Status,latencyMs,ts,gateway,issuer,note\n"
                + "SUCCESS,120,2026-11-21T10:00:00+05:30,stripe,\"HDFC, Ltd\",hello\n"
                + "GATEWAY_ERROR,8000,2026-11-21 04:30:01.5Z,adyen,\"say \"\"hi\"\"\",\n"
                + "SUCCESS,120,2026-11-21T10:00:00Z,stripe\n"
                + "SUCCESS,abc,2026-11-21T10:00:00Z,stripe,SBI,x\n";
        Read r = readAll(write("log.csv", csv));
        assertEquals(2, r.events.size(), r.stats.firstBadLines().toString());
        assertEquals(java.time.Instant.parse("2026-11-21T04:30:00Z").toEpochMilli(), r.events.get(0).ts);
        assertEquals(java.time.Instant.parse("2026-11-21T04:30:01.500Z").toEpochMilli(), r.events.get(1).ts);
        assertEquals("HDFC, Ltd", r.events.get(0).issuer);
        assertEquals("say \"hi\"", r.events.get(1).issuer);
        assertEquals(List.of("note"), r.stats.ignoredColumns());
        assertEquals(new BadLine(4, "has 4 fields, the header has 6"), r.stats.firstBadLines().get(0));
        assertTrue(r.stats.firstBadLines().get(1).problem().contains("latencyMs: 'abc' is not a number"));
    }

    @Test
    void aCsvHeaderWithoutTheRequiredColumnsIsBadInputNamingThem() throws IOException {
        Path p = write("nots.csv", "when,status,latencyMs,gateway\n2026-11-21T10:00:00Z,SUCCESS,1,stripe\n");
        BadInputException e = assertThrows(BadInputException.class, () -> readAll(p));
        assertTrue(e.getMessage().contains("no column holds ts") && e.getMessage().contains("Columns found: when, status")
                && e.getMessage().contains("--map FIELD=COLUMN"), e.getMessage());
    }

    @Test
    void aGzippedLogIsReadThroughGunzip() throws IOException {
        Path p = dir.resolve("log.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            for (int i = 0; i < 1000; i++) {
                out.write((GOOD + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        Read r = readAll(p);
        assertEquals(1000, r.events.size());
        assertEquals(1.0, r.stats.progress());
    }

    @Test
    void aMissingFileOrAFolderIsBadInputNamingIt() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> EventLogReader.open(dir.resolve("nope.jsonl"), null, false));
        assertTrue(e.getMessage().contains("nope.jsonl") && e.getMessage().contains("does not exist"), e.getMessage());
        e = assertThrows(BadInputException.class, () -> EventLogReader.open(dir, null, false));
        assertTrue(e.getMessage().contains("is a folder"), e.getMessage());
    }

    @Test
    void theLastLineNeedNotEndWithANewline() throws IOException {
        Read r = readAll(write("a.jsonl", GOOD + "\n" + GOOD));
        assertEquals(2, r.events.size());
    }
}
