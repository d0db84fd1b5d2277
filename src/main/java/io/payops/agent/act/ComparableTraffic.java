package io.payops.agent.act;

import io.payops.domain.ActionType;
import io.payops.domain.Dimension;
import io.payops.domain.Target;

import java.util.function.Predicate;

/**
 * Where a path circuit sent its traffic, and comparable traffic it left alone, as the segments that hold them, so
 * the verify step can take out of a change's before→after what other faults did in the same seconds.
 *
 * <p>For a circuit on {@code gateway=g X=x} (X an issuer, method or network):
 * <ul>
 *   <li>{@link #destination}: x's traffic on the other gateways (the {@code g' × x} paths, g' ≠ g), where the
 *       circuit sent g's x payments;</li>
 *   <li>{@link #destinationControl}: the other values of X on those same gateways ({@code g' × x'}, x' ≠ x). Routing
 *       did not touch them (their weights, circuits and volume are as before), they ride the same gateways in the
 *       same proportions as the moved traffic, so a fault on all traffic or on one of those gateways moves them as
 *       it moves the destination, while trouble that is x's own on those gateways (the circuit sent x where x
 *       fails) moves the destination only;</li>
 *   <li>{@link #affectedControl}: the other values of X on every gateway ({@code x'}, x' ≠ x), the same comparison
 *       for the affected traffic as a whole ({@code X=x}, whose technical failures show whether the circuit
 *       helped).</li>
 * </ul>
 * Both controls differ from the traffic they stand beside only in the value the circuit names.
 *
 * <p>Other changes have no such traffic, and get none ({@link #of} returns null): a whole-gateway circuit or a weight
 * shift moves payments of every issuer, method and network alike, so every payment is either on the source gateway
 * (in the trouble being answered, or gone from it) or on a gateway that received moved payments; a retry policy
 * applies to every payment. Those are judged on their own before→after, as before.
 */
record ComparableTraffic(
        Dimension dimension,
        Predicate<Target> destination,
        Predicate<Target> destinationControl,
        Predicate<Target> affectedControl,
        String destinationName,
        String destinationControlName,
        String affectedControlName) {

    /** The dimensions the observer keeps gateway paths for (see observe.SegmentKind); a merchant path has none. */
    private static final Dimension[] PATH_DIMENSIONS = {Dimension.ISSUER, Dimension.METHOD, Dimension.NETWORK};

    /** The comparison for a change, or null when it has no clean control (see the class comment). */
    static ComparableTraffic of(ActionType type, Target target) {
        if (type != ActionType.OPEN_CIRCUIT || target.size() != 2 || !target.has(Dimension.GATEWAY)) {
            return null;
        }
        for (Dimension d : PATH_DIMENSIONS) {
            if (target.has(d)) {
                return forPath(target.get(Dimension.GATEWAY), d, target.get(d));
            }
        }
        return null;
    }

    private static ComparableTraffic forPath(String gateway, Dimension d, String value) {
        Predicate<Target> otherGatewayPath = s -> s.size() == 2 && s.has(d) && s.has(Dimension.GATEWAY)
                && !gateway.equals(s.get(Dimension.GATEWAY));
        String others = "other " + d.key() + "s";
        return new ComparableTraffic(d,
                otherGatewayPath.and(s -> value.equals(s.get(d))),
                otherGatewayPath.and(s -> !value.equals(s.get(d))),
                s -> s.size() == 1 && s.has(d) && !value.equals(s.get(d)),
                d.key() + "=" + value + " off gateway=" + gateway,
                others + " there",
                others);
    }
}
