package io.payops.bench;

import io.payops.ui.ConsoleOptions;
import io.payops.ui.ConsoleWindow;
import io.payops.ui.fx.FxLoad;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The console under load, as a user runs it (DESIGN §9 UI bar): the real window on a 5,000 payments/s scenario at
 * a given speed, for a given number of minutes. Every interval it prints the FX thread's busy share (its CPU time
 * over wall time, so CSS, layout and our frame handling all count), how many pulses applied frames per second (each
 * refreshes the charts), and the heap used after a GC. Run under xvfb-run; see docs/BENCHMARKS.md.
 *
 * <p>
 * With a fourth argument {@code connectors}, every outgoing connector is on: {@code /metrics} on a free port,
 * alerts and routing changes posted to a sink on 127.0.0.1 that answers 200 to everything (this measures what the
 * connectors cost the console, not the servers), and the routing file in a temp folder.
 *
 * <pre>java -cp CLASSPATH io.payops.bench.ConsoleLoadBench [minutes] [speed] [intervalSeconds] [connectors]</pre>
 */
public final class ConsoleLoadBench {
    private ConsoleLoadBench() {
    }

    public static void main(String[] args) throws Exception {
        double minutes = args.length > 0 ? Double.parseDouble(args[0]) : 2;
        double speed = args.length > 1 ? Double.parseDouble(args[1]) : 20;
        int interval = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        Path scenario = Files.createTempFile("load-5000", ".json");
        try (var in = ConsoleLoadBench.class.getResourceAsStream("/bench/load-5000.json")) {
            Files.copy(in, scenario, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path state = Files.createTempDirectory("payops-bench-state");
        io.payops.connect.ConnectorSettings connectors = args.length > 3 && args[3].equals("connectors")
                ? allConnectors(state) : io.payops.connect.ConnectorSettings.NONE;
        CompletableFuture<ConsoleWindow> opened = new CompletableFuture<>();
        CompletableFuture<Long> fxThread = new CompletableFuture<>();
        Platform.startup(() -> {
            fxThread.complete(Thread.currentThread().getId());
            Stage stage = new Stage();
            opened.complete(ConsoleWindow.open(stage, new ConsoleOptions(scenario.toString(), 11L, speed, state, null,
                    null, null, null, false, null, connectors)));
        });
        ConsoleWindow window = opened.get(30, TimeUnit.SECONDS);
        long fxId = fxThread.get();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.out.printf(Locale.ROOT, "console load: 5,000 payments/s at ×%.0f, %.1f min, java %s, connectors %s%n",
                speed, minutes, System.getProperty("java.version"), connectors.any() ? "on" : "off");
        System.out.println("minute  sim-s   fx-busy%  pulses/s  max-pulse-ms  heap-after-gc-MB");
        Thread.sleep(5_000); // warm-up: JIT, first layout
        resetLoad(window);
        long endAt = System.nanoTime() + (long) (minutes * 60e9);
        long start = System.nanoTime();
        while (System.nanoTime() < endAt) {
            long cpu0 = threads.getThreadCpuTime(fxId);
            long wall0 = System.nanoTime();
            Thread.sleep(interval * 1000L);
            long cpu1 = threads.getThreadCpuTime(fxId);
            long wall1 = System.nanoTime();
            long[] pulses = pulses(window);
            System.gc();
            long heap = memory.getHeapMemoryUsage().getUsed();
            long sim = simSeconds(window);
            System.out.printf(Locale.ROOT, "%6.1f  %6d  %8.1f  %8.1f  %12.1f  %16.1f%n", (wall1 - start) / 60e9, sim,
                    100.0 * (cpu1 - cpu0) / (wall1 - wall0), pulses[0] / ((wall1 - wall0) / 1e9), pulses[1] / 1e6,
                    heap / 1048576.0);
        }
        Platform.runLater(() -> window.stage().close());
        Thread.sleep(500);
        System.exit(0);
    }

    /** Every outgoing connector on, against a sink on 127.0.0.1 that accepts everything. */
    private static io.payops.connect.ConnectorSettings allConnectors(Path state) throws java.io.IOException {
        com.sun.net.httpserver.HttpServer sink = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        sink.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        sink.start();
        int metricsPort;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 0,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            metricsPort = free.getLocalPort();
        }
        String base = "http://127.0.0.1:" + sink.getAddress().getPort();
        return new io.payops.connect.ConnectorSettings(java.net.URI.create(base), metricsPort,
                java.net.URI.create(base + "/routing"), null, state.resolve("routing-in-force.json"));
    }

    private static void resetLoad(ConsoleWindow w) throws Exception {
        onFx(() -> {
            w.pump().load().reset();
            return 0L;
        });
    }

    /** Pulses that applied frames since the last call, and the longest one in ns; resets the counters. */
    private static long[] pulses(ConsoleWindow w) throws Exception {
        long[] out = new long[2];
        onFx(() -> {
            FxLoad load = w.pump().load();
            out[0] = load.pulses();
            out[1] = load.maxNanos();
            load.reset();
            return 0L;
        });
        return out;
    }

    private static long simSeconds(ConsoleWindow w) {
        var f = w.pump().newest();
        return f == null ? 0 : f.simMillis() / 1000;
    }

    private static long onFx(java.util.concurrent.Callable<Long> c) throws Exception {
        CompletableFuture<Long> r = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                r.complete(c.call());
            } catch (Exception e) {
                r.completeExceptionally(e);
            }
        });
        return r.get(10, TimeUnit.SECONDS);
    }
}
