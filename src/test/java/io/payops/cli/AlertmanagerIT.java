package io.payops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code --alertmanager} against Debian's real {@code prometheus-alertmanager}, started here on 127.0.0.1 on a free
 * port: an incident's alert appears in its {@code /api/v2/alerts} with the right labels, and is resolved when the
 * incident ends (while the session goes on); with Alertmanager down a run finishes as usual, says so once, and its
 * health counts the failures.
 * <p>
 * The incident must be seen firing before it ends, so the session is an event log followed as the test writes it
 * ({@code ingest --follow}): first the traffic up to mid-outage, then, once Alertmanager shows the alert, the rest.
 * A receiver in the test (Alertmanager's webhook, {@code send_resolved}) hears Alertmanager's own notifications: the
 * alert firing, then resolved. Every wait is for a condition, with a deadline only for what would never happen.
 */
class AlertmanagerIT extends AbstractJarIT {
    static final String BINARY = "/usr/bin/prometheus-alertmanager";
    /** What the outage's traffic is cut at: past the incident's opening (≈301 s), before the outage ends (780 s). */
    static final String MID_OUTAGE = "2026-01-01T00:08:20";

    @TempDir
    Path amDir;

    private Process alertmanager;
    private HttpServer receiver;
    private final List<JsonNode> notifications = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private URI base;

    @BeforeEach
    void startAlertmanager() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(BINARY)), BINARY + " is not installed (Debian package "
                + "prometheus-alertmanager; .ci/run installs it)");
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            try (exchange) {
                notifications.add(MAPPER.readTree(exchange.getRequestBody()));
                exchange.sendResponseHeaders(200, -1);
            }
        });
        receiver.start();
        int port = freePort();
        base = URI.create("http://127.0.0.1:" + port);
        // resolve_timeout of an hour: an alert leaves the active list within this test only because payops ended it;
        // no group wait, and a group interval of a second, so the receiver hears firing and resolved at once
        Path config = Files.writeString(amDir.resolve("alertmanager.yml"), """
                global:
                  resolve_timeout: 1h
                route:
                  receiver: test
                  group_by: [alertname, session, incident, request]
                  group_wait: 0s
                  group_interval: 1s
                  repeat_interval: 1h
                receivers:
                  - name: test
                    webhook_configs:
                      - url: http://127.0.0.1:%d/hook
                        send_resolved: true
                """.formatted(receiver.getAddress().getPort()));
        Path log = logs.resolve("alertmanager.log");
        alertmanager = new ProcessBuilder(BINARY, "--config.file=" + config,
                "--storage.path=" + amDir.resolve("data"), "--cluster.listen-address=",
                "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        waitUntil("Alertmanager ready on " + base, () -> {
            if (!alertmanager.isAlive()) {
                fail("alertmanager exited (" + alertmanager.exitValue() + "):\n" + read(log));
            }
            return get("/-/ready") == 200;
        });
    }

    @AfterEach
    void stopAlertmanager() throws InterruptedException {
        if (alertmanager != null) {
            alertmanager.destroy();
            if (!alertmanager.waitFor(DEFAULT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                alertmanager.destroyForcibly();
            }
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void anIncidentsAlertFiresWithItsLabelsAndIsResolvedWhenTheIncidentEnds() throws Exception {
        List<String> lines = exportedEvents("--scenario", "stripe-outage", "--seed", "7");
        int cut = 0;
        while (lines.get(cut).compareTo("{\"ts\":\"" + MID_OUTAGE) < 0) {
            cut++;
        }
        Path live = Files.write(work.resolve("live.jsonl"), lines.subList(0, cut), StandardCharsets.UTF_8);

        Path out = logs.resolve("follow-out.txt");
        Path err = logs.resolve("follow-err.txt");
        Process p = new ProcessBuilder(java(), "-jar", jar.toString(), "ingest", "--events", "live.jsonl", "--follow",
                "--report", "follow.json", "--alertmanager", base.toString())
                .directory(work.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            Predicate<JsonNode> incident = a -> "PayOpsIncident".equals(label(a, "alertname"))
                    && "stripe".equals(label(a, "gateway"));
            JsonNode firing = waitForAlert("the incident's alert, active", p, err, incident);
            JsonNode labels = firing.get("labels");
            assertEquals("critical", labels.get("severity").asText(), firing.toString());
            assertEquals("gateway_outage", labels.get("diagnosis").asText(), firing.toString());
            assertEquals("1", labels.get("incident").asText(), firing.toString());
            assertNotNull(labels.get("session"), firing.toString());
            assertEquals("active", firing.get("status").get("state").asText());
            assertTrue(firing.get("annotations").get("summary").asText().startsWith("Gateway outage on gateway=stripe"),
                    firing.toString());
            assertTrue(firing.get("annotations").get("description").asText().contains("GATEWAY_ERROR"),
                    firing.toString());
            assertTrue(firing.get("generatorURL").asText().startsWith("payops://session/"), firing.toString());
            // Alertmanager paged with it (so it will say when it is over)
            waitUntil("a firing notification of the incident", () -> notified("firing", incident).isPresent());

            Files.write(live, lines.subList(cut, lines.size()), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            // the outage ends at 780 s and the incident a little later: its alert leaves the active list...
            waitUntil("the incident's alert gone from the active alerts", () -> {
                assertAlive(p, err);
                return alerts().stream().noneMatch(incident);
            });
            // ...because payops resolved it, as Alertmanager itself tells its receivers
            waitUntil("a resolved notification of the incident", () -> notified("resolved", incident).isPresent());
            JsonNode resolved = notified("resolved", incident).orElseThrow();
            assertEquals(firing.get("labels"), resolved.get("labels"), "the same alert");
            assertFalse(resolved.get("endsAt").asText().startsWith("0001"), resolved.toString());
            assertTrue(resolved.get("annotations").get("resolution").asText().startsWith("closed at t="),
                    resolved.toString());
            assertTrue(p.isAlive(), "resolved while the session goes on, not by its end");
        } finally {
            p.destroy(); // SIGTERM: the report is written, what is left is resolved
            if (!p.waitFor(DEFAULT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("ingest --follow did not stop on SIGTERM\n" + read(out) + read(err));
            }
        }
        assertFalse(read(err).contains("cannot deliver"), read(err));
        assertTrue(alerts().isEmpty(), "nothing left firing: " + alerts());
        JsonNode h = readJson(work.resolve("follow.json")).get("connectors").get(0);
        assertTrue(h.get("delivered").asLong() >= 4, "incident and request, firing and resolved: " + h);
        assertEquals(0, h.get("failed").asLong(), h.toString());
        assertEquals(0, h.get("dropped").asLong(), h.toString());
    }

    @Test
    void withAlertmanagerDownARunFinishesAsUsualAndSaysSoOnce() throws Exception {
        URI nobody = URI.create("http://127.0.0.1:" + freePort());
        Result r = payops("run", "--scenario", "stripe-outage", "--seed", "7", "--alertmanager", nobody.toString(),
                "--report", "down.json");
        assertExit(0, r);
        assertNoStackTrace(r);
        assertTrue(r.stdout().contains("report: down.json"), r.describe());
        List<String> said = r.stderrLines().stream().filter(l -> l.contains("alertmanager " + nobody)).toList();
        assertEquals(1, said.size(), r.describe());
        assertTrue(said.get(0).startsWith("payops: warning: alertmanager " + nobody + ": cannot deliver alerts: "
                + "cannot reach it (connection refused)"), r.describe());
        JsonNode report = readJson(work.resolve("down.json"));
        assertEquals("gateway_outage", report.get("incidents").get(0).get("diagnosis").asText());
        // what the connector's health said after its last try at exit
        JsonNode h = report.get("connectors").get(0);
        assertEquals("alertmanager " + nobody, h.get("name").asText());
        assertEquals(0, h.get("delivered").asLong(), h.toString());
        assertTrue(h.get("failed").asLong() >= 2, "the first post and a last try at exit, at least: " + h);
        assertEquals(4, h.get("dropped").asLong(), "the incident and the request, each firing and resolved: " + h);
        assertEquals(0, h.get("queued").asLong(), h.toString());
        assertTrue(h.get("lastError").asText().contains("connection refused"), h.toString());
        assertTrue(r.stdout().contains("alertmanager " + nobody + ": 0 delivered, "), r.describe());
    }

    // --- Alertmanager's API v2 and the receiver ---------------------------------------------------------------

    private List<JsonNode> alerts() throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/v2/alerts")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return StreamSupport.stream(MAPPER.readTree(r.body()).spliterator(), false).toList();
    }

    private JsonNode waitForAlert(String what, Process p, Path err, Predicate<JsonNode> which) throws Exception {
        JsonNode[] found = new JsonNode[1];
        waitUntil(what, () -> {
            assertAlive(p, err);
            found[0] = alerts().stream().filter(which).findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    /** An alert as the receiver heard it in a notification of that status. */
    private java.util.Optional<JsonNode> notified(String status, Predicate<JsonNode> which) {
        return notifications.stream().flatMap(n -> StreamSupport.stream(n.get("alerts").spliterator(), false))
                .filter(a -> status.equals(a.get("status").asText()) && which.test(a)).findFirst();
    }

    private int get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String label(JsonNode alert, String name) {
        JsonNode v = alert.get("labels").get(name);
        return v == null ? null : v.asText();
    }

    private void assertAlive(Process p, Path err) {
        if (!p.isAlive()) {
            fail("payops ended early (exit " + p.exitValue() + "):\n" + read(err));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    /** Polls; the deadline only ends a wait for something that would never happen. */
    private static void waitUntil(String what, Condition c) throws Exception {
        io.payops.testing.Await.until(what, DEFAULT_TIMEOUT_SECONDS, c::holds);
    }
}
