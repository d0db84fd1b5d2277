package io.payops.observe;

import io.payops.domain.Dimension;
import io.payops.domain.Target;

/**
 * The kinds of segment the observer breaks traffic into, in snapshot order: all traffic, each dimension alone,
 * then the paths routing can act on (a gateway's connection to an issuer, to a method and to a card network).
 */
enum SegmentKind {
    ALL(null, null),
    GATEWAY(Dimension.GATEWAY, null),
    ISSUER(Dimension.ISSUER, null),
    NETWORK(Dimension.NETWORK, null),
    METHOD(Dimension.METHOD, null),
    MERCHANT(Dimension.MERCHANT, null),
    GATEWAY_ISSUER(Dimension.GATEWAY, Dimension.ISSUER),
    GATEWAY_METHOD(Dimension.GATEWAY, Dimension.METHOD),
    GATEWAY_NETWORK(Dimension.GATEWAY, Dimension.NETWORK);

    private final Dimension first;
    private final Dimension second;

    SegmentKind(Dimension first, Dimension second) {
        this.first = first;
        this.second = second;
    }

    /** The single-dimension kind for {@code d}. */
    static SegmentKind of(Dimension d) {
        return switch (d) {
            case GATEWAY -> GATEWAY;
            case ISSUER -> ISSUER;
            case NETWORK -> NETWORK;
            case METHOD -> METHOD;
            case MERCHANT -> MERCHANT;
        };
    }

    Target target(String firstValue, String secondValue) {
        if (first == null) {
            return Target.ALL;
        }
        return second == null ? Target.of(first, firstValue) : Target.of(first, firstValue, second, secondValue);
    }
}
