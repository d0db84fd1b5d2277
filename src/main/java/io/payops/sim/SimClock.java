package io.payops.sim;

/** Simulated time in milliseconds since the start of the run. Only the engine thread moves it. */
public final class SimClock {
    private long nowMillis;

    public long nowMillis() {
        return nowMillis;
    }

    public double nowSeconds() {
        return nowMillis / 1000.0;
    }

    public void advanceTo(long millis) {
        if (millis < nowMillis) {
            throw new IllegalArgumentException("time cannot go back: " + millis + " < " + nowMillis);
        }
        nowMillis = millis;
    }
}
