package io.payops.sim;

import io.payops.domain.Dimension;
import io.payops.domain.Target;

/**
 * A target compiled to world indices (−1 = any value) so matching an attempt costs a few int compares.
 * A target naming a value the world does not have matches nothing.
 */
record PathIndex(int gateway, int issuer, int network, int method, int merchant, boolean matchesNothing) {

    static PathIndex compile(Target target, World world) {
        int[] idx = new int[Dimension.values().length];
        boolean nothing = false;
        for (Dimension d : Dimension.values()) {
            String v = target.get(d);
            if (v == null) {
                idx[d.ordinal()] = -1;
            } else {
                idx[d.ordinal()] = world.names(d).indexOf(v);
                nothing |= idx[d.ordinal()] < 0;
            }
        }
        return new PathIndex(idx[0], idx[1], idx[2], idx[3], idx[4], nothing);
    }

    boolean matches(int g, int i, int n, int m, int c) {
        return !matchesNothing
                && (gateway < 0 || gateway == g)
                && (issuer < 0 || issuer == i)
                && (network < 0 || network == n)
                && (method < 0 || method == m)
                && (merchant < 0 || merchant == c);
    }
}
