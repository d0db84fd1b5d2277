package io.payops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.payops.common.Json;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Debian's real Prometheus scrapes {@code --metrics-port} of the jar following an event log, and a query for the
 * success-rate series returns what the ingest report says. Prometheus is started by the test on 127.0.0.1 with a
 * temporary config and storage; every wait polls for a condition, the deadlines only end a wait that would never end.
 */
class PrometheusIT extends AbstractJarIT {
    /** Prometheus scrapes this often: the shortest its config takes in whole seconds, so the test is quick. */
    private static final int SCRAPE_SECONDS = 1;
    /**
     * The report rounds successRate to four places; Prometheus keeps the endpoint's double as it was written (the
     * text format prints it in full). So half a unit in the fourth place, and nothing for timing: the ratio is
     * compared only once every payment and every success of the log have been counted, after which it no longer moves.
     */
    private static final double REPORT_ROUNDING = 0.00005;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void prometheusScrapesTheSuccessRateTheReportHas() throws Exception {
        Path prometheus = onPath("prometheus");
        Assumptions.assumeTrue(prometheus != null, "Debian's prometheus is not installed (.ci/run installs it)");

        // the log, made in-process: only the follower needs a process of its own
        assertExit(0, AbstractInProcessTest.payops("run", "--scenario", "stripe-outage", "--seed", "7", "--duration",
                "600", "--export-events", at("events.jsonl"), "--report", at("run.json")));
        List<String> lines = Files.readAllLines(work.resolve("events.jsonl"));
        long payments = lines.stream().filter(l -> l.contains("\"attempt\":1,")).count();
        // a payment succeeds at most once: its success, on a first attempt or a retry, is one line
        long succeeded = lines.stream().filter(l -> l.contains("\"status\":\"SUCCESS\"")).count();
        assertTrue(payments > 0);

        int metricsPort = freePort();
        int prometheusPort = freePort();
        Path config = work.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: %ds
                  evaluation_interval: %ds
                scrape_configs:
                  - job_name: payops
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(SCRAPE_SECONDS, SCRAPE_SECONDS, metricsPort));
        Path tsdb = Files.createDirectories(work.resolve("tsdb"));

        Process prom = null;
        Process ingest = null;
        try {
            prom = new ProcessBuilder(prometheus.toString(), "--config.file=" + config,
                    "--storage.tsdb.path=" + tsdb, "--web.listen-address=127.0.0.1:" + prometheusPort)
                    .redirectErrorStream(true).redirectOutput(logs.resolve("prometheus.txt").toFile()).start();
            ingest = new ProcessBuilder(java(), "-jar", jar.toString(), "ingest", "--events", "events.jsonl",
                    "--follow", "--metrics-port", String.valueOf(metricsPort), "--report", "ingest.json")
                    .directory(work.toFile()).redirectOutput(logs.resolve("ingest-out.txt").toFile())
                    .redirectError(logs.resolve("ingest-err.txt").toFile()).start();
            Process p = prom;
            Process i = ingest;
            String base = "http://127.0.0.1:" + prometheusPort;
            waitUntil("Prometheus is ready", () -> get(base + "/-/ready").map(r -> r.statusCode() == 200)
                    .orElse(false), p, i);
            // once Prometheus has a scrape with every payment of the log started and every success counted (a retry
            // that succeeds after the last first attempt still moves the ratio), the ratio is the final one
            waitUntil("Prometheus has scraped all " + payments + " payments and " + succeeded + " successes", () ->
                    query(base, "payops_payments_started_total").map(v -> v == payments).orElse(false)
                            && query(base, "payops_payments_succeeded_total").map(v -> v == succeeded).orElse(false),
                    p, i);
            double scraped = query(base, "payops_payments_success_ratio").orElseThrow();
            // per-gateway series too: stripe is in its outage at the log's end (its probes fail), adyen is healthy
            double stripe = query(base, "payops_gateway_success_ratio{gateway=\"stripe\"}").orElseThrow();
            double adyen = query(base, "payops_gateway_success_ratio{gateway=\"adyen\"}").orElseThrow();
            assertTrue(stripe >= 0 && stripe < adyen && adyen <= 1, "stripe " + stripe + ", adyen " + adyen);

            // SIGTERM: ingest --follow writes its report and stops (a background job may have SIGINT ignored)
            ingest.destroy();
            assertTrue(ingest.waitFor(DEFAULT_TIMEOUT_SECONDS, TimeUnit.SECONDS), "ingest did not stop on SIGTERM");
            JsonNode report = readJson(work.resolve("ingest.json"));
            assertEquals(payments, report.get("payments").asLong());
            assertEquals(report.get("successRate").asDouble(), scraped, REPORT_ROUNDING,
                    "the success rate Prometheus holds is the report's");
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n--- prometheus ---\n" + tail(logs.resolve("prometheus.txt"))
                    + "\n--- ingest stderr ---\n" + tail(logs.resolve("ingest-err.txt")), e);
        } finally {
            stop(ingest);
            stop(prom);
        }
    }

    /** The one series' value of an instant query, or empty while Prometheus has none. */
    private Optional<Double> query(String base, String promql) {
        return get(base + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)).flatMap(r -> {
            try {
                JsonNode result = Json.mapper().readTree(r.body()).path("data").path("result");
                if (result.size() != 1) {
                    return Optional.empty();
                }
                return Optional.of(Double.parseDouble(result.get(0).path("value").get(1).asText()));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    /** A GET, or empty when nothing answers yet. */
    private Optional<HttpResponse<String>> get(String url) {
        try {
            return Optional.of(http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void waitUntil(String what, BooleanSupplier condition, Process... alive)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEFAULT_TIMEOUT_SECONDS);
        while (!condition.getAsBoolean()) {
            for (Process p : alive) {
                if (!p.isAlive()) {
                    fail("waiting until " + what + ": " + p.info().command().orElse("a process") + " ended (exit "
                            + p.exitValue() + ")");
                }
            }
            if (System.nanoTime() > deadline) {
                fail("not within " + DEFAULT_TIMEOUT_SECONDS + " s: " + what);
            }
            Thread.sleep(200);
        }
    }

    private static void stop(Process p) throws InterruptedException {
        if (p != null && p.isAlive()) {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** A port the OS has just given out and taken back: free unless another process grabs it in between. */
    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Path onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(" + file + " unreadable: " + e.getMessage() + ")";
        }
    }
}
