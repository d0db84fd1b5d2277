package io.payops.ui.gateways;

/** One point of a gateway's success-rate sparkline: simulated seconds, and the success rate 0..1 (NaN: no traffic). */
public record SparkPoint(double seconds, double success) {
}
