package io.payops.engine;

/** How the engine slices time and how long the observer's windows are. */
public record EngineOptions(long tickMillis, int windowSeconds, int baselineSeconds) {
    public static final EngineOptions DEFAULT = new EngineOptions(1000, 60, 900);

    public EngineOptions {
        if (tickMillis < 10 || tickMillis > 60_000) {
            throw new IllegalArgumentException("tickMillis must be 10..60000, was " + tickMillis);
        }
    }
}
