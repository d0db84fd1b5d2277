package io.payops.policy;

import io.payops.domain.Action;
import io.payops.domain.ActionOutcome;
import io.payops.domain.ActionRecord;
import io.payops.domain.ActionStatus;
import io.payops.domain.Approval;
import io.payops.domain.Dimension;
import io.payops.domain.PolicyStep;
import io.payops.domain.RoutingState;
import io.payops.domain.SegmentStats;
import io.payops.domain.Snapshot;
import io.payops.domain.Target;
import io.payops.sim.Routing;
import io.payops.sim.RoutingRefusedException;
import io.payops.sim.Share;
import io.payops.sim.World;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Baseline {@code bandit}: success-rate routing as payment routers do it today, per gateway × issuer over the last
 * ~40 attempts in blocks of 5, with 20% of traffic kept exploring. Routing offers only gateway weights and circuits
 * (per gateway or per gateway path), not per-issuer weights, so the bandit works within that surface.
 *
 * <p><b>Evidence.</b> For every gateway × issuer path it keeps the outcomes of the last {@value #BLOCKS} full blocks
 * of {@value #BLOCK} attempts (40 attempts) plus the block being filled; a path's success rate is read over the full
 * blocks only, so it moves in steps of 5 attempts. Outcomes come from the per-second breakdown of the snapshot
 * ({@code recentSegments}), once per simulated second; a second's attempts that straddle two blocks are split between
 * them with the second's success ratio. <b>Fallback:</b> when a snapshot carries no per-second breakdown
 * ({@code recentTotal} is null, or it counts attempts while {@code recentSegments} is empty), the path's 60-second
 * window ({@code snapshot.segments()}) is used instead: its success rate, counted as min(40, window attempts)
 * attempts for the evidence thresholds below.
 *
 * <p><b>Every {@value #EVERY_MILLIS} ms</b> of simulated time:
 * <ol>
 *   <li><i>Circuits.</i> A path circuit the bandit opened {@value #CIRCUIT_MILLIS} ms ago is closed again, to explore,
 *       and the path's blocks are emptied so it is judged on fresh attempts. Then, for each issuer, the best path is
 *       the open route with the highest success rate over a full sample (all 40 attempts); any other path with a full
 *       sample and a success rate {@value #PATH_GAP} or more below the best gets its circuit opened (skipped when
 *       routing would refuse it). Why 20 points over 40 attempts rather than 15 over 20: on {@code quiet}, with
 *       per-second data, 15 points over 40 attempts still opened ~36 circuits in 30 minutes on pure noise (a 94%
 *       path shows 85% beside a 100% path often enough across 20 paths); 20 points opened one. Real path faults
 *       (35+ points) clear it easily.</li>
 *   <li><i>Weights.</i> A gateway's score is its paths' success rates averaged with the issuers' traffic shares,
 *       over paths not cut off by a circuit and with at least {@value #SCORE_MIN_ATTEMPTS} attempts (a path with fewer
 *       keeps its last such rate). Target shares:
 *       <pre>exploit_g = w0_g × (score_g / best score)^5, normalised to sum to 1
 * share_g   = 0.8 × exploit_g + 0.2 / #gateways</pre>
 *       where {@code w0} are the configured (initial) weights, the merchant's standing preference (the exponent 5 takes
 *       a gateway at 20% success to nothing while a 1.5-point sampling swing moves its weight by under 10%; with 10
 *       the bandit chased noise, ~120 rebalancings in 30 quiet minutes); a gateway with no
 *       evidence scores as the best. Every gateway therefore keeps at least 20% / #gateways (5% with four) and is
 *       still explored. The new shares are applied only when some gateway's share would move by at least
 *       {@value #MIN_MOVE} (5 points), which keeps noise out of routing and the report readable.</li>
 * </ol>
 * Each applied rebalancing is one shift_traffic record on the gateway that lost the most share, with
 * {@code fraction} = the share of that gateway's traffic it lost; it is marked {@code recovery} when it brings the
 * shares closer to the initial ones. Circuit changes are open_circuit / close_circuit records (closing is a recovery).
 * Refused changes ({@link RoutingRefusedException}) are skipped.
 */
public final class BanditPolicy implements Policy {
    public static final int BLOCK = 5;
    public static final int BLOCKS = 8;
    public static final long EVERY_MILLIS = 5_000;
    public static final double EXPLORE = 0.2;
    public static final double EXPONENT = 5;
    public static final double MIN_MOVE = 0.05;
    public static final double PATH_GAP = 0.20;
    public static final int PATH_MIN_ATTEMPTS = BLOCK * BLOCKS;
    public static final int SCORE_MIN_ATTEMPTS = 10;
    public static final long CIRCUIT_MILLIS = 60_000;

    /** The last {@link #BLOCKS} full blocks of {@link #BLOCK} attempts of one path, and the block being filled. */
    static final class Blocks {
        private final double[] successes = new double[BLOCKS];
        private int full;
        private int next;
        private long currentAttempts;
        private double currentSuccesses;

        /** Adds one second's attempts on the path, splitting them over blocks. */
        void add(long attempts, long succeeded) {
            if (attempts <= 0) {
                return;
            }
            double ratio = Math.min(1, Math.max(0, (double) succeeded / attempts));
            long left = attempts;
            while (left > 0) {
                long take = Math.min(left, BLOCK - currentAttempts);
                currentAttempts += take;
                currentSuccesses += take * ratio;
                left -= take;
                if (currentAttempts == BLOCK) {
                    successes[next] = currentSuccesses;
                    next = (next + 1) % BLOCKS;
                    full = Math.min(BLOCKS, full + 1);
                    currentAttempts = 0;
                    currentSuccesses = 0;
                }
            }
        }

        /** Attempts in the full blocks (0..40). */
        int attempts() {
            return full * BLOCK;
        }

        /** Success rate over the full blocks, NaN when there is none. */
        double rate() {
            if (full == 0) {
                return Double.NaN;
            }
            double sum = 0;
            for (int i = 0; i < full; i++) {
                sum += successes[Math.floorMod(next - 1 - i, BLOCKS)];
            }
            return sum / attempts();
        }

        void clear() {
            full = 0;
            next = 0;
            currentAttempts = 0;
            currentSuccesses = 0;
        }
    }

    /** Evidence about one path at one check. */
    record Estimate(int attempts, double rate) {
    }

    private static final class PathState {
        final Blocks blocks = new Blocks();
        double lastRate = Double.NaN;
        long openedAt = -1;
    }

    private final Map<Target, PathState> paths = new LinkedHashMap<>();
    private long lastSecond = Long.MIN_VALUE;
    private long lastCheck = Long.MIN_VALUE;
    private boolean usedFallback;
    private long nextId = 1;

    @Override
    public String name() {
        return "bandit";
    }

    /** Whether the last check had to read the 60-second window because the snapshot had no per-second breakdown. */
    public boolean usedWindowFallback() {
        return usedFallback;
    }

    @Override
    public PolicyStep onTick(PolicyContext ctx) {
        long now = ctx.nowMillis();
        Snapshot snapshot = ctx.snapshot();
        boolean perSecond = hasPerSecondData(snapshot);
        if (perSecond) {
            long second = Math.floorDiv(snapshot.atMillis() - 1, 1000L);
            if (second != lastSecond) {
                lastSecond = second;
                for (SegmentStats s : snapshot.recentSegments()) {
                    if (isPath(s.target())) {
                        path(s.target()).blocks.add(s.attempts(), s.successes());
                    }
                }
            }
        }
        if (lastCheck == Long.MIN_VALUE ? now < EVERY_MILLIS : now - lastCheck < EVERY_MILLIS) {
            return PolicyStep.NONE;
        }
        lastCheck = now;
        usedFallback = !perSecond;
        Routing routing = ctx.routing();
        World world = routing.world();
        List<String> gateways = world.names(Dimension.GATEWAY);
        List<ActionRecord> records = new ArrayList<>();
        List<String> sentences = new ArrayList<>();

        closeExpiredCircuits(now, routing, records, sentences);
        Map<Target, Estimate> estimates = new LinkedHashMap<>();
        for (String g : gateways) {
            for (String i : world.names(Dimension.ISSUER)) {
                Target t = Target.of(Dimension.GATEWAY, g, Dimension.ISSUER, i);
                Estimate e = estimate(t, snapshot, perSecond);
                estimates.put(t, e);
                if (e.attempts() >= SCORE_MIN_ATTEMPTS) {
                    path(t).lastRate = e.rate();
                }
            }
        }
        openBadPaths(now, routing, world, estimates, records, sentences);
        rebalance(now, routing, world, estimates, records, sentences);

        if (records.isEmpty()) {
            return PolicyStep.NONE;
        }
        return new PolicyStep(records, List.of(), sentences, null, List.of(), List.of());
    }

    static boolean hasPerSecondData(Snapshot s) {
        if (s.recentTotal() == null) {
            return false;
        }
        return !(s.recentSegments().isEmpty() && s.recentTotal().attempts() > 0);
    }

    private static boolean isPath(Target t) {
        return t.size() == 2 && t.has(Dimension.GATEWAY) && t.has(Dimension.ISSUER);
    }

    private PathState path(Target t) {
        return paths.computeIfAbsent(t, k -> new PathState());
    }

    private Estimate estimate(Target t, Snapshot snapshot, boolean perSecond) {
        if (perSecond) {
            Blocks b = path(t).blocks;
            return new Estimate(b.attempts(), b.rate());
        }
        SegmentStats s = snapshot.segment(t);
        if (s == null || s.attempts() == 0) {
            return new Estimate(0, Double.NaN);
        }
        return new Estimate((int) Math.min(BLOCK * BLOCKS, s.attempts()), s.successRate());
    }

    private void closeExpiredCircuits(long now, Routing routing, List<ActionRecord> records, List<String> sentences) {
        for (Map.Entry<Target, PathState> e : paths.entrySet()) {
            PathState p = e.getValue();
            if (p.openedAt < 0 || now - p.openedAt < CIRCUIT_MILLIS) {
                continue;
            }
            try {
                routing.closeCircuit(e.getKey());
            } catch (RoutingRefusedException refused) {
                // someone else closed it: nothing to undo
            }
            p.openedAt = -1;
            p.blocks.clear();
            records.add(record(now, Action.closeCircuit(e.getKey()), "closed after 60 s to explore the path again", true));
            sentences.add("Closed the circuit on " + e.getKey() + " after 60 s to explore it again.");
        }
    }

    private void openBadPaths(long now, Routing routing, World world, Map<Target, Estimate> estimates,
                              List<ActionRecord> records, List<String> sentences) {
        List<Target> open = routing.state().openCircuits();
        for (String issuer : world.names(Dimension.ISSUER)) {
            Target best = null;
            double bestRate = -1;
            for (String g : world.names(Dimension.GATEWAY)) {
                Target t = Target.of(Dimension.GATEWAY, g, Dimension.ISSUER, issuer);
                Estimate e = estimates.get(t);
                if (!open.contains(t) && e.attempts() >= PATH_MIN_ATTEMPTS && e.rate() > bestRate) {
                    best = t;
                    bestRate = e.rate();
                }
            }
            if (best == null) {
                continue;
            }
            for (String g : world.names(Dimension.GATEWAY)) {
                Target t = Target.of(Dimension.GATEWAY, g, Dimension.ISSUER, issuer);
                Estimate e = estimates.get(t);
                if (t.equals(best) || open.contains(t) || e.attempts() < PATH_MIN_ATTEMPTS
                        || e.rate() > bestRate - PATH_GAP) {
                    continue;
                }
                if (routing.wouldStrand(t)) {
                    continue;
                }
                try {
                    routing.openCircuit(t);
                } catch (RoutingRefusedException refused) {
                    continue;
                }
                path(t).openedAt = now;
                String why = String.format(Locale.ROOT, "%s succeeds %.0f%% over its last %d attempts, %s %.0f%%",
                        t, e.rate() * 100, e.attempts(), best.get(Dimension.GATEWAY), bestRate * 100);
                records.add(record(now, Action.openCircuit(t), why, false));
                sentences.add("Opened the circuit on " + t + " for 60 s: " + why + ".");
            }
        }
    }

    private void rebalance(long now, Routing routing, World world, Map<Target, Estimate> estimates,
                           List<ActionRecord> records, List<String> sentences) {
        List<String> gateways = world.names(Dimension.GATEWAY);
        RoutingState state = routing.state();
        RoutingState initial = routing.initialState();
        int n = gateways.size();
        double[] score = new double[n];
        double best = Double.NEGATIVE_INFINITY;
        for (int gi = 0; gi < n; gi++) {
            score[gi] = gatewayScore(gateways.get(gi), world, estimates, state.openCircuits());
            if (!Double.isNaN(score[gi])) {
                best = Math.max(best, score[gi]);
            }
        }
        double[] exploit = new double[n];
        double exploitSum = 0;
        for (int gi = 0; gi < n; gi++) {
            double factor = Double.isNaN(score[gi]) || !(best > 0) ? 1 : Math.pow(Math.max(0, score[gi]) / best, EXPONENT);
            exploit[gi] = initial.share(gateways.get(gi)) * factor;
            exploitSum += exploit[gi];
        }
        double[] target = new double[n];
        double maxMove = 0;
        for (int gi = 0; gi < n; gi++) {
            double e = exploitSum > 0 ? exploit[gi] / exploitSum : initial.share(gateways.get(gi));
            target[gi] = (1 - EXPLORE) * e + EXPLORE / n;
            maxMove = Math.max(maxMove, Math.abs(target[gi] - state.share(gateways.get(gi))));
        }
        if (maxMove < MIN_MOVE) {
            return;
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        for (int gi = 0; gi < n; gi++) {
            weights.put(gateways.get(gi), Math.round(target[gi] * 1000) / 10.0);
        }
        try {
            routing.setWeights(weights);
        } catch (RoutingRefusedException refused) {
            return;
        }
        RoutingState after = routing.state();
        String loser = null;
        double lost = 0;
        double distBefore = 0;
        double distAfter = 0;
        StringJoiner moves = new StringJoiner(", ");
        for (int gi = 0; gi < n; gi++) {
            String g = gateways.get(gi);
            double before = state.share(g);
            double shareAfter = after.share(g);
            distBefore += Math.abs(before - initial.share(g));
            distAfter += Math.abs(shareAfter - initial.share(g));
            if (before - shareAfter > lost) {
                lost = before - shareAfter;
                loser = g;
            }
            moves.add(String.format(Locale.ROOT, "%s %.0f%%→%.0f%% (%s)", g, before * 100, shareAfter * 100,
                    Double.isNaN(score[gi]) ? "no data" : String.format(Locale.ROOT, "%.1f%% success", score[gi] * 100)));
        }
        if (loser == null) {
            return;
        }
        double fraction = lost / state.share(loser);
        String note = "rebalanced by success rate: " + moves;
        records.add(record(now, Action.shiftTraffic(loser, Math.min(1, fraction)), note, distAfter < distBefore));
        sentences.add("Rebalanced gateway weights by success rate: " + moves + ".");
    }

    /** Issuer-share-weighted success rate of a gateway's paths; NaN when nothing is known about it. */
    private double gatewayScore(String gateway, World world, Map<Target, Estimate> estimates, List<Target> open) {
        double weighted = 0;
        double weights = 0;
        double fallbackWeighted = 0;
        double fallbackWeights = 0;
        for (Share issuer : world.issuers()) {
            Target t = Target.of(Dimension.GATEWAY, gateway, Dimension.ISSUER, issuer.name());
            Estimate e = estimates.get(t);
            double rate = e.attempts() >= SCORE_MIN_ATTEMPTS ? e.rate() : path(t).lastRate;
            if (Double.isNaN(rate)) {
                continue;
            }
            fallbackWeighted += issuer.share() * rate;
            fallbackWeights += issuer.share();
            if (!open.contains(t)) {
                weighted += issuer.share() * rate;
                weights += issuer.share();
            }
        }
        if (weights > 0) {
            return weighted / weights;
        }
        return fallbackWeights > 0 ? fallbackWeighted / fallbackWeights : Double.NaN;
    }

    private ActionRecord record(long now, Action action, String note, boolean recovery) {
        return new ActionRecord(nextId++, now, action, ActionStatus.EXECUTED, Approval.NONE, ActionOutcome.NOT_APPLICABLE, false, now, note,
                recovery);
    }
}
