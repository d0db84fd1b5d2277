package io.payops.ui.chaos;

import io.payops.domain.Dimension;
import io.payops.domain.FaultType;
import io.payops.domain.Target;
import io.payops.sim.World;

import java.util.ArrayList;
import java.util.List;

/**
 * The targets the chaos panel offers for a world: each gateway, issuer, network, method and merchant alone, then
 * every gateway × issuer path (the faults routing can avoid and those it cannot, side by side).
 */
final class FaultTargets {
    static final Target DEFAULT = Target.gateway("stripe");

    private FaultTargets() {
    }

    static List<Target> of(World world) {
        List<Target> out = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            for (String name : world.names(d)) {
                out.add(Target.of(d, name));
            }
        }
        for (String gateway : world.names(Dimension.GATEWAY)) {
            for (String issuer : world.names(Dimension.ISSUER)) {
                out.add(Target.of(Dimension.GATEWAY, gateway, Dimension.ISSUER, issuer));
            }
        }
        return out;
    }

    /** gateway=stripe when the world has it, else the first option. */
    static Target defaultOf(List<Target> options) {
        return options.contains(DEFAULT) || options.isEmpty() ? DEFAULT : options.get(0);
    }

    /**
     * Where a fault of this type starts by default, as the built-in scenarios place them: an issuer degradation on
     * an issuer, network errors on a network, a surge of customer declines on a merchant, and the gateway faults
     * (outage, latency spike, retry storm) on a gateway, Stripe when there is one.
     */
    static Target defaultFor(FaultType type, List<Target> options) {
        Dimension d = switch (type) {
            case ISSUER_DEGRADATION -> Dimension.ISSUER;
            case NETWORK_ERRORS -> Dimension.NETWORK;
            case USER_DECLINES -> Dimension.MERCHANT;
            case GATEWAY_OUTAGE, LATENCY_SPIKE, RETRY_STORM -> Dimension.GATEWAY;
        };
        if (d == Dimension.GATEWAY) {
            return defaultOf(options);
        }
        return options.stream().filter(t -> t.size() == 1 && t.has(d)).findFirst().orElse(defaultOf(options));
    }
}
