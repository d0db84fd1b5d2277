package io.payops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Kafka in, end to end (issue #19): a real Apache Kafka broker (KRaft, started by the test on 127.0.0.1), events
 * produced by Debian's {@code kcat} (an independent client) from an event log that {@code run --export-events} wrote,
 * and the jar's {@code ingest --kafka} reading them.
 * <ul>
 * <li>started before the broker exists, the consumer says so once on stderr and waits (no crash); once the broker
 *     is up it says it is back and reads the topic;</li>
 * <li>the incident is detected as from the same file by {@code ingest --events}: same diagnosis and target;</li>
 * <li>the report's {@code connectors} list has the topic, a source ({@code "direction": "in"}), with every record
 *     produced read and the outage counted, and the summary says so in a source's words;</li>
 * <li>a consumer stopped part way (after a count of records) and started again with the same group resumes where
 *     it left: the two runs read every record once (their counts add up to the topic's, and the group's committed
 *     offsets cover the topic exactly).</li>
 * </ul>
 */
class KafkaIT extends AbstractJarIT {
    private static final String TOPIC = "payments";

    @Test
    void aTopicIsReadLikeTheFileItCameFromAndARestartResumesWhereItLeft() throws Exception {
        assumeTrue(onPath("kcat"), "Debian's kcat is not installed (.ci/run installs it)");
        Result sim = AbstractInProcessTest.payops("run", "--scenario", "stripe-outage", "--seed", "7",
                "--export-events", at("events.jsonl"), "--report", at("sim.json"));
        assertExit(0, sim);
        Path events = work.resolve("events.jsonl");
        long n;
        try (var lines = Files.lines(events)) {
            n = lines.count();
        }
        Result file = AbstractInProcessTest.payops("ingest", "--events", at("events.jsonl"), "--report",
                at("file.json"));
        assertExit(0, file);
        JsonNode fromFile = readJson(work.resolve("file.json"));

        int port = KafkaBroker.freePort();
        String bootstrap = "127.0.0.1:" + port;
        // started before the broker exists: it must say so and wait, not end
        Path out = logs.resolve("first-out.txt");
        Path err = logs.resolve("first-err.txt");
        Process first = new ProcessBuilder(java(), "-jar", jar.toString(), "ingest", "--kafka", bootstrap, "--topic",
                TOPIC, "--group", "whole", "--from", "earliest", "--max-records", Long.toString(n), "--report",
                "kafka.json").directory(work.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        Path brokerDir = Files.createDirectories(logs.resolve("broker"));
        try {
            waitForOutput(err, "is not reachable", first);
            assertTrue(first.isAlive(), "ingest ended when the broker was not there");
            try (KafkaBroker broker = KafkaBroker.start(brokerDir, port)) {
                produce(bootstrap, events);
                if (!first.waitFor(DEFAULT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    fail("ingest --kafka did not end after " + n + " records\n" + Files.readString(out)
                            + Files.readString(err));
                }
                String stderr = Files.readString(err);
                assertEquals(0, first.exitValue(), () -> read(out) + stderr);
                assertEquals(1, count(stderr, "is not reachable"), "the outage is said once:\n" + stderr);
                assertTrue(stderr.contains("is back after"), "the broker's return is said:\n" + stderr);

                JsonNode fromTopic = readJson(work.resolve("kafka.json"));
                assertEquals(n, fromTopic.get("input").get("events").asLong(), "every record was read");
                assertEquals(0, fromTopic.get("input").get("badLines").asLong());
                // the topic is the report's first connector, a source: records read as produced, the outage counted
                JsonNode kafka = fromTopic.get("connectors").get(0);
                assertEquals("kafka " + bootstrap + "/" + TOPIC, kafka.get("name").asText(), fromTopic.toString());
                assertEquals("in", kafka.get("direction").asText());
                assertEquals(n, kafka.get("delivered").asLong(), "records read: every one produced");
                assertEquals(1, kafka.get("failed").asLong(), "one outage: before the broker started");
                assertTrue(kafka.get("lastError").isNull(), "the broker is up at the end: " + kafka);
                String summary = Files.readString(out);
                assertTrue(summary.contains(String.format(java.util.Locale.ROOT,
                        "kafka %s/%s: %,d records read, 1 outages, ", bootstrap, TOPIC, n)), summary);
                JsonNode a = fromFile.get("incidents");
                JsonNode b = fromTopic.get("incidents");
                assertTrue(a.size() > 0, "the file run detects the outage: " + a);
                assertEquals(a.size(), b.size(), "same incidents from the topic as from the file:\n" + a + "\n" + b);
                for (int i = 0; i < a.size(); i++) {
                    assertEquals(a.get(i).get("diagnosis"), b.get(i).get("diagnosis"));
                    assertEquals(a.get(i).get("diagnosisTarget"), b.get(i).get("diagnosisTarget"));
                }
                assertEquals("gateway_outage", b.get(0).get("diagnosis").asText());
                assertEquals(n, committed(bootstrap, "whole"), "the whole topic is committed for the group");

                // stopped part way, then started again with the same group: it resumes where it left
                long part = n * 2 / 5;
                Result r1 = payops("ingest", "--kafka", bootstrap, "--topic", TOPIC, "--group", "resume", "--from",
                        "earliest", "--max-records", Long.toString(part), "--report", "part1.json");
                assertExit(0, r1);
                assertEquals(part, committed(bootstrap, "resume"), "what the first run observed is committed");
                Result r2 = payops("ingest", "--kafka", bootstrap, "--topic", TOPIC, "--group", "resume", "--from",
                        "earliest", "--max-records", Long.toString(n - part), "--report", "part2.json");
                assertExit(0, r2);
                JsonNode p1 = readJson(work.resolve("part1.json")).get("input");
                JsonNode p2 = readJson(work.resolve("part2.json")).get("input");
                assertEquals(part, p1.get("events").asLong());
                assertEquals(n - part, p2.get("events").asLong());
                // the counts add up to the topic's and the commits cover it exactly: no record twice, none skipped
                assertEquals(n, committed(bootstrap, "resume"), "the second run took the rest of the topic");
                assertTrue(p2.get("firstEventAt").asText().compareTo(p1.get("firstEventAt").asText()) > 0,
                        "the second run starts later in the topic: " + p1 + "\n" + p2);
            }
        } finally {
            if (first.isAlive()) {
                first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** kcat, Debian's Kafka client, sends the log one line per record (partitions chosen at random). */
    private void produce(String bootstrap, Path events) throws IOException, InterruptedException {
        Path log = logs.resolve("kcat.txt");
        Process p = new ProcessBuilder("kcat", "-P", "-b", bootstrap, "-t", TOPIC).redirectInput(events.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(DEFAULT_TIMEOUT_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            fail("kcat could not produce the events:\n" + Files.readString(log));
        }
    }

    /** The records the group has committed, over all partitions (an offset is the count read from the start). */
    private static long committed(String bootstrap, String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<?, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
            return offsets.values().stream().mapToLong(OffsetAndMetadata::offset).sum();
        }
    }

    private static int count(String text, String part) {
        int c = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            c++;
        }
        return c;
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
