package io.payops.ui.gateways;

import io.payops.domain.RoutingState;
import io.payops.domain.Target;
import io.payops.sim.Routing;

import java.util.Map;

/**
 * Where new payments actually go. {@link RoutingState#share} is the configured weight only, and an open gateway
 * circuit leaves the weight in place (so it comes back when the circuit closes); the simulator skips an open gateway
 * and lets a half-open one probe with {@link Routing#PROBE_SHARE} of its weight. The card shows this effective share,
 * so a gateway whose circuit is open reads 0%.
 */
final class TrafficShare {
    private TrafficShare() {
    }

    static double effective(RoutingState routing, String gateway) {
        double total = 0;
        double mine = 0;
        for (Map.Entry<String, Double> e : routing.weights().entrySet()) {
            double w = e.getValue() * factor(routing, e.getKey());
            total += w;
            if (e.getKey().equals(gateway)) {
                mine = w;
            }
        }
        return total <= 0 ? 0 : mine / total;
    }

    private static double factor(RoutingState routing, String gateway) {
        return switch (CircuitState.of(routing, Target.gateway(gateway))) {
            case OPEN -> 0;
            case HALF_OPEN -> Routing.PROBE_SHARE;
            case CLOSED -> 1;
        };
    }
}
