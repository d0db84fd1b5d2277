package io.payops.connect.metrics;

import io.payops.connect.Connector;
import io.payops.connect.ConnectorHealth;
import io.payops.connect.ConnectorSession;
import io.payops.domain.Frame;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * {@code --metrics-port N}: serves {@code /metrics} in the Prometheus text format (and {@code /-/healthy}) through
 * the Prometheus Java client's own HTTP server, on every interface, so a Prometheus elsewhere can scrape it. Nothing
 * is pushed, so nothing queues: a frame only adds to counters and keeps a reference to itself
 * ({@link FrameCounters}, {@link LiveView}); the gauges are computed from the newest frame when a scrape asks
 * ({@link SessionGauges}). When nobody scrapes, nothing piles up.
 */
public final class MetricsEndpoint implements Connector {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final LiveView view = new LiveView();
    private final FrameCounters counters;
    private final AtomicLong scrapes = new AtomicLong();
    private final HTTPServer server;
    private final int port;
    private ConnectorSession session;

    private MetricsEndpoint(int port, LongSupplier wallMillis) throws IOException {
        counters = new FrameCounters(registry);
        SessionGauges.register(registry, view, wallMillis);
        // asked once per scrape, so it is the count of scrapes itself
        CounterWithCallback.builder().name("payops_metrics_scrapes_total")
                .help("Scrapes of this endpoint, this one included.")
                .callback(cb -> cb.call(scrapes.incrementAndGet())).register(registry);
        server = HTTPServer.builder().port(port).registry(registry).buildAndStart();
        this.port = server.getPort();
    }

    /**
     * @param port     1..65535, or 0 for a free one (tests)
     * @param warnings unused: an endpoint that is up has nothing to say until someone scrapes
     * @throws IllegalArgumentException when the port cannot be bound (in use, or privileged), naming
     *                                  {@code --metrics-port}
     */
    public static MetricsEndpoint start(int port, Consumer<String> warnings) {
        return start(port, System::currentTimeMillis);
    }

    static MetricsEndpoint start(int port, LongSupplier wallMillis) {
        try {
            return new MetricsEndpoint(port, wallMillis);
        } catch (BindException e) {
            throw new IllegalArgumentException("--metrics-port: port " + port + " is in use or not allowed ("
                    + e.getMessage() + "); expected a free port for /metrics, or leave --metrics-port out");
        } catch (IOException e) {
            throw new IllegalArgumentException("--metrics-port: cannot serve /metrics on port " + port + " ("
                    + e.getMessage() + ")");
        }
    }

    /** The port served (the one chosen when 0 was asked). */
    public int port() {
        return port;
    }

    /**
     * The body a scrape gets in the Prometheus text format, made in-process on the calling thread without HTTP (a
     * benchmark of the scrape's own cost). Counts as a scrape.
     */
    public String scrapeText() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public String name() {
        return "metrics :" + port();
    }

    @Override
    public void sessionStarted(ConnectorSession s) {
        session = s;
        counters.start(s);
        view.start(s);
    }

    @Override
    public void frame(Frame frame) {
        counters.accept(frame);
        if (session != null) {
            view.originIfUnknown(session);
        }
        view.frame(frame);
    }

    @Override
    public void sessionEnded() {
        view.end();
    }

    /** Delivered: scrapes served. Nothing queues and nothing is dropped: a scrape reads the newest frame. */
    @Override
    public ConnectorHealth health() {
        return new ConnectorHealth(name(), scrapes.get(), 0, 0, 0, null);
    }

    @Override
    public void close() {
        server.close();
    }
}
