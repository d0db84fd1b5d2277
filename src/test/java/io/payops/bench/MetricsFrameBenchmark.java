package io.payops.bench;

import io.payops.connect.ConnectorSession;
import io.payops.connect.metrics.MetricsEndpoint;
import io.payops.connect.metrics.WideWorld;
import io.payops.domain.Frame;
import io.payops.engine.RunSettings;
import io.payops.run.ScenarioRunner;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import io.payops.sim.TrafficShape;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What {@code --metrics-port} costs the engine thread per frame: {@link MetricsEndpoint#frame} over the recorded
 * frames of a run, in turn (counters, the cycle histogram, the newest frame kept for the gauges). The gauges are
 * computed when Prometheus scrapes, on the HTTP server's thread: {@code scrape} measures one whole scrape over HTTP
 * (127.0.0.1) after the newest frame changed, which the engine thread never waits for.
 * {@code world}: {@code default} is live-demo's hour (4 gateways, 5 issuers, three incidents, 3,600 frames);
 * {@code wide} is 15 gateways × 60 issuers at 200 payments/s for 10 minutes, where labels are folded.
 * {@code scrapeText} is a scrape's own work without HTTP; {@code scrape} adds the HTTP round trip.
 * Run: mvn -B -Pbench test-compile exec:exec -Djmh.args="MetricsFrameBenchmark"
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MetricsFrameBenchmark {
    @Param({"default", "wide"})
    public String world;
    /**
     * Frames fed in turn: {@code all} walks the whole recording, so each frame comes cold from memory (an upper
     * bound); {@code 16} keeps them in cache, as the frame the engine has just built is.
     */
    @Param({"all", "16"})
    public String cycle;

    private Frame[] frames;
    private int next;
    private MetricsEndpoint endpoint;
    private HttpClient http;
    private HttpRequest scrape;

    @Setup(Level.Trial)
    public void record() {
        Scenario s = world.equals("default") ? ScenarioLoader.builtIn("live-demo")
                : new Scenario("wide", "15 gateways x 60 issuers", 5, 600, 200, TrafficShape.FLAT, 0, List.of(),
                WideWorld.of(15, 60));
        List<Frame> recorded = new ArrayList<>();
        ScenarioRunner.run(s, RunSettings.of("agent"), null, recorded::add);
        frames = recorded.toArray(Frame[]::new);
        if (cycle.equals("16")) {
            // from the middle of the run, where incidents are open and actions change
            frames = java.util.Arrays.copyOfRange(frames, frames.length / 2, frames.length / 2 + 16);
        }
        endpoint = MetricsEndpoint.start(0, w -> { });
        endpoint.sessionStarted(new ConnectorSession("bench", s.name(), s.world(), false, c -> true));
        http = HttpClient.newHttpClient();
        scrape = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics")).build();
        System.out.printf("%n%s: %d frames%n", s.name(), frames.length);
    }

    @TearDown(Level.Trial)
    public void close() {
        endpoint.close();
    }

    @Benchmark
    public void frame() {
        endpoint.frame(frames[next]);
        next = next + 1 == frames.length ? 0 : next + 1;
    }

    /** The scrape's own work, in-process: collect every metric (the gauges from a new frame) and write the text. */
    @Benchmark
    public int scrapeText() {
        endpoint.frame(frames[next]);
        next = next + 1 == frames.length ? 0 : next + 1;
        return endpoint.scrapeText().length();
    }

    @Benchmark
    public int scrape() throws IOException, InterruptedException {
        // a new frame each time, so the folded segments are computed again as on a real scrape
        endpoint.frame(frames[next]);
        next = next + 1 == frames.length ? 0 : next + 1;
        return http.send(scrape, HttpResponse.BodyHandlers.ofString()).body().length();
    }
}
