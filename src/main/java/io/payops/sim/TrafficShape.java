package io.payops.sim;

import java.util.Locale;

/**
 * How the payment rate varies over time around the scenario's mean {@code tps}: flat, diurnal (a sine over
 * {@code periodSeconds}, trough at 40% and peak at 160% of the mean) or bursty (short bursts at 3× the mean).
 */
public enum TrafficShape {
    FLAT, DIURNAL, BURSTY;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TrafficShape fromKey(String key) {
        for (TrafficShape s : values()) {
            if (s.key().equals(key)) {
                return s;
            }
        }
        return null;
    }
}
