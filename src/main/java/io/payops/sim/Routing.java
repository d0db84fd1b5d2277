package io.payops.sim;

import io.payops.domain.Dimension;
import io.payops.domain.RetryPolicy;
import io.payops.domain.RoutingState;
import io.payops.domain.Target;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one control surface of the simulated world: gateway weights, circuit breakers (per gateway or per gateway
 * path) and the retry policy. Every change is validated and refused, leaving routing untouched, when it would leave
 * some payment path with no open route. Owned by the engine thread.
 */
public final class Routing {
    /** Share of a half-open circuit's traffic that is let through to probe the path. */
    public static final double PROBE_SHARE = 0.1;

    private final World world;
    private final String[] gateways;
    private final double[] weights;
    private final List<Target> openCircuits = new ArrayList<>();
    private final List<Target> halfOpenCircuits = new ArrayList<>();
    private RetryPolicy retryPolicy;
    private final RoutingState initial;
    private final PathRouteCache cache;
    private long version;

    public Routing(World world, RetryPolicy retryPolicy) {
        this.world = world;
        this.gateways = world.gateways().stream().map(GatewayProfile::name).toArray(String[]::new);
        this.weights = world.gateways().stream().mapToDouble(GatewayProfile::weight).toArray();
        this.retryPolicy = retryPolicy;
        this.cache = new PathRouteCache(world);
        this.initial = state();
    }

    public World world() {
        return world;
    }

    public RoutingState initialState() {
        return initial;
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** Changes whenever routing changes, so callers can cache what they derive from it. */
    public long version() {
        return version;
    }

    public RoutingState state() {
        Map<String, Double> w = new LinkedHashMap<>();
        for (int i = 0; i < gateways.length; i++) {
            w.put(gateways[i], weights[i]);
        }
        return new RoutingState(w, openCircuits, halfOpenCircuits, retryPolicy);
    }

    // ---- changes -------------------------------------------------------------------------------------------

    public void setWeights(Map<String, Double> newWeights) {
        double[] next = weights.clone();
        for (Map.Entry<String, Double> e : newWeights.entrySet()) {
            int g = gatewayIndex(e.getKey());
            double v = e.getValue();
            if (!Double.isFinite(v) || v < 0) {
                throw new RoutingRefusedException("weight of " + e.getKey() + " must be a finite number >= 0, was " + v);
            }
            next[g] = v;
        }
        commit(next, openCircuits, halfOpenCircuits, retryPolicy);
    }

    /**
     * Moves {@code fraction} of one gateway's weight to the other gateways, in proportion to their weights.
     * @return the share of all traffic that moved (0..1)
     */
    public double shiftAway(String gateway, double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new RoutingRefusedException("shift fraction must be in (0, 1], was " + fraction);
        }
        int g = gatewayIndex(gateway);
        double[] next = weights.clone();
        double moved = next[g] * fraction;
        double others = 0;
        for (int i = 0; i < next.length; i++) {
            if (i != g) {
                others += next[i];
            }
        }
        if (others <= 0) {
            throw new RoutingRefusedException("cannot shift traffic away from " + gateway + ": no other gateway has weight");
        }
        next[g] -= moved;
        for (int i = 0; i < next.length; i++) {
            if (i != g) {
                next[i] += moved * next[i] / others;
            }
        }
        double total = Arrays.stream(weights).sum();
        commit(next, openCircuits, halfOpenCircuits, retryPolicy);
        return total <= 0 ? 0 : moved / total;
    }

    public void openCircuit(Target path) {
        validatePath(path);
        if (openCircuits.contains(path)) {
            throw new RoutingRefusedException("circuit " + path + " is already open");
        }
        List<Target> open = new ArrayList<>(openCircuits);
        open.add(path);
        List<Target> half = new ArrayList<>(halfOpenCircuits);
        half.remove(path);
        commit(weights, open, half, retryPolicy);
    }

    /** Lets a small probe share through an open circuit to test whether the path is healthy again. */
    public void halfOpen(Target path) {
        if (!openCircuits.contains(path)) {
            throw new RoutingRefusedException("circuit " + path + " is not open");
        }
        List<Target> open = new ArrayList<>(openCircuits);
        open.remove(path);
        List<Target> half = new ArrayList<>(halfOpenCircuits);
        half.add(path);
        commit(weights, open, half, retryPolicy);
    }

    public void closeCircuit(Target path) {
        if (!openCircuits.contains(path) && !halfOpenCircuits.contains(path)) {
            throw new RoutingRefusedException("circuit " + path + " is not open");
        }
        List<Target> open = new ArrayList<>(openCircuits);
        open.remove(path);
        List<Target> half = new ArrayList<>(halfOpenCircuits);
        half.remove(path);
        commit(weights, open, half, retryPolicy);
    }

    public void setRetryPolicy(RetryPolicy policy) {
        commit(weights, openCircuits, halfOpenCircuits, policy);
    }

    /** Puts routing back exactly as a state recorded earlier (rollback, oracle restore). */
    public void restore(RoutingState state) {
        double[] next = new double[gateways.length];
        for (int i = 0; i < gateways.length; i++) {
            Double w = state.weights().get(gateways[i]);
            if (w == null) {
                throw new RoutingRefusedException("state has no weight for gateway " + gateways[i]);
            }
            next[i] = w;
        }
        state.openCircuits().forEach(this::validatePath);
        state.halfOpenCircuits().forEach(this::validatePath);
        commit(next, state.openCircuits(), state.halfOpenCircuits(), state.retryPolicy());
    }

    /** Whether applying these circuits to the current weights would still leave every path a route. */
    public boolean wouldStrand(Target extraOpenCircuit) {
        List<Target> open = new ArrayList<>(openCircuits);
        open.add(extraOpenCircuit);
        return cache.strandedPath(gateways, weights, open, halfOpenCircuits) != null;
    }

    /**
     * Whether routing with exactly these open circuits (weights and half-open circuits as they are) would leave some
     * payment path with no route.
     */
    boolean wouldStrandWith(List<Target> open) {
        return cache.strandedPath(gateways, weights, open, halfOpenCircuits) != null;
    }

    private void commit(double[] nextWeights, List<Target> open, List<Target> half, RetryPolicy policy) {
        String stranded = cache.strandedPath(gateways, nextWeights, open, half);
        if (stranded != null) {
            throw new RoutingRefusedException("refused: payments on " + stranded + " would have no open route");
        }
        System.arraycopy(nextWeights, 0, weights, 0, weights.length);
        if (open != openCircuits) {
            List<Target> copy = List.copyOf(open);
            openCircuits.clear();
            openCircuits.addAll(copy);
        }
        if (half != halfOpenCircuits) {
            List<Target> copy = List.copyOf(half);
            halfOpenCircuits.clear();
            halfOpenCircuits.addAll(copy);
        }
        retryPolicy = policy;
        version++;
        cache.invalidate();
    }

    private void validatePath(Target path) {
        if (!path.has(Dimension.GATEWAY)) {
            throw new RoutingRefusedException("a circuit needs a gateway, was " + path);
        }
        for (Map.Entry<Dimension, String> e : path.values().entrySet()) {
            if (!world.knows(e.getKey(), e.getValue())) {
                throw new RoutingRefusedException("circuit " + path + " names unknown " + e.getKey().key() + " " + e.getValue());
            }
        }
    }

    private int gatewayIndex(String name) {
        for (int i = 0; i < gateways.length; i++) {
            if (gateways[i].equals(name)) {
                return i;
            }
        }
        throw new RoutingRefusedException("unknown gateway " + name);
    }

    // ---- the hot path ----------------------------------------------------------------------------------------

    /**
     * Effective routing probabilities over gateways (world order) for one payment path; shared, do not modify.
     */
    public double[] routeProbabilities(int issuer, int network, int method, int merchant) {
        return cache.probabilities(issuer, network, method, merchant, gateways, weights, openCircuits, halfOpenCircuits);
    }

    /**
     * Routing probabilities for one payment path had routing exactly these open circuits (weights and half-open
     * circuits as they are): a fresh array, computed rather than cached; all zeros when the path would have no route.
     */
    double[] routeProbabilitiesWith(List<Target> open, int issuer, int network, int method, int merchant) {
        return cache.compute(issuer, network, method, merchant, gateways, weights, open, halfOpenCircuits);
    }

    /** Picks a gateway index for a path, by weight among open routes, with {@code u} uniform in [0,1). */
    public int pick(int issuer, int network, int method, int merchant, double u) {
        double[] p = routeProbabilities(issuer, network, method, merchant);
        double acc = 0;
        for (int g = 0; g < p.length; g++) {
            acc += p[g];
            if (u < acc) {
                return g;
            }
        }
        for (int g = p.length - 1; g >= 0; g--) {
            if (p[g] > 0) {
                return g;
            }
        }
        return 0;
    }
}
