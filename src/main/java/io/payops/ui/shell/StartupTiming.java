package io.payops.ui.shell;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Launch-to-first-frame, measured from the JVM's own start (so class loading and JavaFX start-up count) to the
 * moment the first live frame has been laid out in the window. {@code payops console --startup-timing} prints it;
 * docs/BENCHMARKS.md keeps the figures.
 */
public final class StartupTiming {
    private final long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
    private long splashMillis = -1;
    private long windowMillis = -1;

    /** Milliseconds since the JVM started. */
    public long sinceLaunch() {
        return System.currentTimeMillis() - jvmStartMillis;
    }

    public void splashShown() {
        splashMillis = sinceLaunch();
    }

    public void windowShown() {
        windowMillis = sinceLaunch();
    }

    /**
     * "startup: splash 412 ms, window 2310 ms, first live frame 2871 ms after launch (process CPU 4120 ms)". The
     * CPU time tells a busy machine apart: there the wall times run far past it.
     */
    public String firstFrame() {
        long cpu = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
        return String.format(Locale.ROOT, "startup: splash %d ms, window %d ms, first live frame %d ms after launch "
                + "(process CPU %d ms)", splashMillis, windowMillis, sinceLaunch(), cpu);
    }
}
