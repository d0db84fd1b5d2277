package io.payops.sim;

import io.payops.domain.Target;

import java.util.List;

/**
 * Routing probabilities per payment path (issuer × network × method × merchant), computed once after each routing
 * change and then read per attempt without allocation. Also answers whether some path would have no route.
 */
final class PathRouteCache {
    private final World world;
    private final int nIssuers;
    private final int nNetworks;
    private final int nMethods;
    private final int nMerchants;
    private final double[][] probabilities;

    PathRouteCache(World world) {
        this.world = world;
        this.nIssuers = world.issuers().size();
        this.nNetworks = world.networks().size();
        this.nMethods = world.methods().size();
        this.nMerchants = world.merchants().size();
        this.probabilities = new double[nIssuers * nNetworks * nMethods * nMerchants][];
    }

    void invalidate() {
        java.util.Arrays.fill(probabilities, null);
    }

    double[] probabilities(int issuer, int network, int method, int merchant, String[] gateways, double[] weights,
                           List<Target> open, List<Target> half) {
        int key = ((issuer * nNetworks + network) * nMethods + method) * nMerchants + merchant;
        double[] p = probabilities[key];
        if (p == null) {
            p = compute(issuer, network, method, merchant, gateways, weights, open, half);
            probabilities[key] = p;
        }
        return p;
    }

    /** @return a readable name of the first path with no route, or null when every path has one */
    String strandedPath(String[] gateways, double[] weights, List<Target> open, List<Target> half) {
        for (int i = 0; i < nIssuers; i++) {
            for (int n = 0; n < nNetworks; n++) {
                for (int m = 0; m < nMethods; m++) {
                    for (int c = 0; c < nMerchants; c++) {
                        double[] p = compute(i, n, m, c, gateways, weights, open, half);
                        if (p == null || sum(p) <= 0) {
                            return "issuer=" + world.issuers().get(i).name() + " network=" + world.networks().get(n).name()
                                    + " method=" + world.methods().get(m).name() + " merchant=" + world.merchants().get(c).name();
                        }
                    }
                }
            }
        }
        return null;
    }

    /** The route probabilities of one path under these weights and circuits: a fresh array, not cached. */
    double[] compute(int issuer, int network, int method, int merchant, String[] gateways, double[] weights,
                     List<Target> open, List<Target> half) {
        String is = world.issuers().get(issuer).name();
        String nw = world.networks().get(network).name();
        String me = world.methods().get(method).name();
        String mc = world.merchants().get(merchant).name();
        double[] p = new double[gateways.length];
        double total = 0;
        for (int g = 0; g < gateways.length; g++) {
            double w = weights[g];
            if (w <= 0) {
                continue;
            }
            if (matchesAny(open, gateways[g], is, nw, me, mc)) {
                continue;
            }
            if (matchesAny(half, gateways[g], is, nw, me, mc)) {
                w *= Routing.PROBE_SHARE;
            }
            p[g] = w;
            total += w;
        }
        if (total <= 0) {
            return new double[gateways.length];
        }
        for (int g = 0; g < p.length; g++) {
            p[g] /= total;
        }
        return p;
    }

    private static boolean matchesAny(List<Target> circuits, String gw, String is, String nw, String me, String mc) {
        for (Target t : circuits) {
            if (t.matches(gw, is, nw, me, mc)) {
                return true;
            }
        }
        return false;
    }

    private static double sum(double[] p) {
        double s = 0;
        for (double v : p) {
            s += v;
        }
        return s;
    }
}
