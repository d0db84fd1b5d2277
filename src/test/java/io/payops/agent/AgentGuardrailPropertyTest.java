package io.payops.agent;

import io.payops.agent.learn.LessonStore;
import io.payops.agent.reason.HeuristicReasoner;
import io.payops.domain.Action;
import io.payops.domain.ActionRecord;
import io.payops.domain.ActionStatus;
import io.payops.domain.ActionType;
import io.payops.domain.AgentCycle;
import io.payops.domain.Approval;
import io.payops.domain.ApprovalMode;
import io.payops.domain.ApprovalRequest;
import io.payops.domain.Candidate;
import io.payops.domain.Command;
import io.payops.domain.Dimension;
import io.payops.domain.FaultSpec;
import io.payops.domain.FaultType;
import io.payops.domain.Frame;
import io.payops.domain.GuardVerdict;
import io.payops.domain.RetryPolicy;
import io.payops.domain.RoutingState;
import io.payops.domain.Target;
import io.payops.engine.Engine;
import io.payops.sim.Routing;
import io.payops.sim.RoutingRefusedException;
import io.payops.sim.Scenario;
import io.payops.sim.TrafficShape;
import io.payops.sim.World;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The agent's guardrails end to end (DESIGN §9): over many random fault scenarios run in the closed loop, every frame
 * shows that approvals were never bypassed (a), no more changes were in force than allowed (b), no tick moved more
 * weight (c) or, counting circuits, more first-attempt traffic (c') than one change may, every payment path kept a
 * route (d), and the retry policy stayed within its limit (e). Each scenario comes from one fixed seed; a failure
 * names the seed, the frame and the record.
 */
class AgentGuardrailPropertyTest {
    private static final int MANUAL_SCENARIOS = 32;
    /**
     * Seeds for the auto-approval runs. 2081 failed (b) in a sweep of seeds 2000..2199 before approved requests were
     * re-checked against the hard limits (commit 5eab955): two approved circuits executed after two interim shifts,
     * putting a fourth change in force. Later simulator changes alter its traffic, so it is kept as one seed among
     * others; the adversarial-operator test below drives that path on purpose.
     */
    private static final long[] AUTO_SEEDS = {1001, 1002, 1003, 1004, 1005, 2081};
    /**
     * Seeds for the adversarial-operator runs. With the agent as of commit 5389f69, seed 3004 fails (c'): the request
     * to open stripe's circuit was raised at 230 s as moving 41% of traffic; interim shifts away from razorpay (361 s)
     * and adyen (363 s) then pushed stripe's weight to 56%; approved at 363 s, the re-check reuses the 41% estimate
     * from 230 s, and at 364 s the one change moves 56% of all traffic, above maxTrafficShift (50%).
     */
    private static final long[] OPERATOR_SEEDS = {3001, 3002, 3003, 3004, 3005, 3006};
    /** The adversarial operator approves a request at the latest when it is this old (it expires at 300 s). */
    private static final long OPERATOR_WAITS_AT_MOST_MILLIS = 280_000;
    private static final int DURATION_SECONDS = 900;
    private static final double EPS = 1e-9;

    private static final World WORLD = World.defaultWorld();
    private static final FaultType[] TYPES = FaultType.values();

    @Test
    void withManualApprovalNothingExceedsAGuardrailAndNothingIsApproved() {
        Totals totals = new Totals();
        for (long seed = 1; seed <= MANUAL_SCENARIOS; seed++) {
            run(randomScenario(seed), ApprovalMode.MANUAL, totals);
        }
        System.out.println("AgentGuardrailPropertyTest manual: " + totals);
        assertTrue(totals.executedChanges > 0, "no routing change executed at all: " + totals);
        assertTrue(totals.pending > 0, "no approval request raised at all: " + totals);
    }

    @Test
    void withAutoApprovalOnlyRequestedChangesAreApprovedAndNothingExceedsAGuardrail() {
        Totals totals = new Totals();
        ApprovalMode auto = new ApprovalMode(ApprovalMode.Kind.AUTO, 30);
        for (long seed : AUTO_SEEDS) {
            run(randomScenario(seed), auto, totals);
        }
        System.out.println("AgentGuardrailPropertyTest auto:30: " + totals);
        assertTrue(totals.autoApproved > 0, "no request was auto-approved: " + totals);
    }

    /**
     * An operator who clicks "approve" at the worst moment: holds every request until approving all that wait would
     * put more than maxActiveActions changes in force (or one is about to expire), then approves them all in one
     * tick. An approval lifts "needs a human", never a hard limit, so nothing may go past maxActiveActions, the
     * traffic-shift limit or the retry limit even so. The scenarios are busier than the others (3 or 4 faults on
     * different gateways) so that requests pile up. (Before approvals were re-checked, seed 2081 of the auto:30 sweep
     * put a fourth change in force at 131 s; see AUTO_SEEDS.)
     */
    @Test
    void anOperatorApprovingAtTheWorstMomentCannotPushPastAHardLimit() {
        Totals totals = new Totals();
        for (long seed : OPERATOR_SEEDS) {
            run(busyScenario(seed), ApprovalMode.MANUAL, totals, true);
        }
        System.out.println("AgentGuardrailPropertyTest adversarial operator: " + totals);
        assertTrue(totals.operatorApproved > 0, "no request was approved by the operator: " + totals);
    }

    // ---- one run -----------------------------------------------------------------------------------------------

    private static final class Totals {
        int scenarios;
        long frames;
        int executedChanges;
        int interim;
        int pending;
        int autoApproved;
        int operatorApproved;
        int approvedButBlocked;
        int recoveries;
        int rollbacks;
        int maxInForce;
        double maxMoved;
        double maxTrafficMoved;

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d scenarios, %d frames, %d routing changes executed (%d interim, %d "
                            + "auto-approved, %d operator-approved, %d approved but blocked), %d approval requests, %d "
                            + "recoveries, %d rollbacks, at most %d in force, largest tick move %.3f of weight and %.3f of "
                            + "first-attempt traffic", scenarios, frames, executedChanges, interim, autoApproved,
                    operatorApproved, approvedButBlocked, pending, recoveries, rollbacks, maxInForce, maxMoved,
                    maxTrafficMoved);
        }
    }

    private static void run(Scenario scenario, ApprovalMode mode, Totals totals) {
        run(scenario, mode, totals, false);
    }

    /**
     * One run with any reasoner (the LLM tests' hostile models), checked frame by frame against every guardrail.
     * @return every action record the frames carried, in order
     */
    static List<ActionRecord> checkedRun(Scenario scenario, ApprovalMode mode, io.payops.agent.reason.Reasoner reasoner) {
        AgentConfig config = AgentConfig.defaults(mode);
        Engine engine = new Engine(scenario, new Agent(config, reasoner, new LessonStore(), scenario.world()));
        Checker checker = new Checker(scenario, mode, config, new Totals(), false);
        List<ActionRecord> records = new java.util.ArrayList<>();
        while (!engine.finished()) {
            Frame f = engine.step();
            checker.check(f);
            records.addAll(f.step().actions());
        }
        return records;
    }

    /** @param operator whether an adversarial operator approves requests (see the test that uses it) */
    private static void run(Scenario scenario, ApprovalMode mode, Totals totals, boolean operator) {
        AgentConfig config = AgentConfig.defaults(mode);
        Agent agent = new Agent(config, new HeuristicReasoner(), new LessonStore(), WORLD);
        Engine engine = new Engine(scenario, agent);
        Checker checker = new Checker(scenario, mode, config, totals, operator);
        Set<Long> approved = new HashSet<>();
        while (!engine.finished()) {
            Frame f = engine.step();
            checker.check(f);
            if (!operator) {
                continue;
            }
            List<ApprovalRequest> waiting = f.step().pendingApprovals().stream()
                    .filter(r -> !approved.contains(r.actionId())).toList();
            boolean worstMoment = checker.inForce.size() + waiting.size() > config.guard().maxActiveActions()
                    || waiting.stream().anyMatch(r -> f.simMillis() - r.raisedAtMillis() >= OPERATOR_WAITS_AT_MOST_MILLIS);
            if (worstMoment) {
                for (ApprovalRequest r : waiting) {
                    approved.add(r.actionId());
                    engine.submit(new Command.Decide(r.actionId(), true, "operator"));
                }
            }
        }
        totals.scenarios++;
    }

    /** Follows one run frame by frame and fails at the first frame that breaks a guardrail. */
    private static final class Checker {
        private final Scenario scenario;
        private final ApprovalMode mode;
        private final AgentConfig config;
        private final Totals totals;
        private final Map<Long, ActionRecord> seen = new HashMap<>();
        private final Map<Long, Long> pendingSince = new HashMap<>();
        /** Non-recovery routing changes executed and not yet undone, by record id. */
        final Map<Long, Action> inForce = new LinkedHashMap<>();
        /** Whether an operator may approve requests in this run. */
        private final boolean operator;
        private RoutingState lastRouting;
        private Routing lastRoutes;

        Checker(Scenario scenario, ApprovalMode mode, AgentConfig config, Totals totals, boolean operator) {
            this.operator = operator;
            this.scenario = scenario;
            this.mode = mode;
            this.config = config;
            this.totals = totals;
            this.lastRoutes = new Routing(WORLD, RetryPolicy.DEFAULT);
            this.lastRouting = lastRoutes.state();
        }

        void check(Frame f) {
            totals.frames++;
            AgentCycle cycle = f.step().cycle();
            for (ActionRecord r : f.step().actions()) {
                record(f, cycle, r);
            }
            if (inForce.size() > config.guard().maxActiveActions()) {
                fail(where(f) + "(b) " + inForce.size() + " routing changes in force, more than "
                        + config.guard().maxActiveActions() + ": " + inForce + "; records " + f.step().actions());
            }
            totals.maxInForce = Math.max(totals.maxInForce, inForce.size());

            RoutingState now = f.routing();
            double moved = movedShare(lastRouting, now);
            totals.maxMoved = Math.max(totals.maxMoved, moved);
            if (moved > config.guard().maxTrafficShift() + EPS) {
                fail(where(f) + String.format(Locale.ROOT, "(c) %.4f of traffic moved in one tick, above %.2f: %s -> %s; "
                        + "records %s", moved, config.guard().maxTrafficShift(), lastRouting.weights(), now.weights(),
                        f.step().actions()));
            }
            if (now.retryPolicy().maxRetries() + 1 > config.guard().maxRetryMultiplier()) {
                fail(where(f) + "(e) retry policy " + now.retryPolicy() + " allows more than "
                        + config.guard().maxRetryMultiplier() + " attempts per payment");
            }
            if (!now.equals(lastRouting)) {
                Routing routes = assertEveryPathRouted(now, f);
                double traffic = trafficMoved(lastRoutes, routes);
                totals.maxTrafficMoved = Math.max(totals.maxTrafficMoved, traffic);
                if (traffic > config.guard().maxTrafficShift() + EPS) {
                    fail(where(f) + String.format(Locale.ROOT, "(c') %.4f of first-attempt traffic changed gateway in "
                            + "one tick, above %.2f: %s -> %s; records %s", traffic, config.guard().maxTrafficShift(),
                            lastRouting, now, f.step().actions()));
                }
                lastRoutes = routes;
            }
            lastRouting = now;
        }

        private void record(Frame f, AgentCycle cycle, ActionRecord r) {
            ActionRecord prev = seen.put(r.id(), r);
            String what = where(f) + "record " + r + (cycle == null ? ", no cycle" : ", cycle decided "
                    + cycle.decision().action().describe() + " with verdict " + cycle.verdict());
            boolean allowedApproval = r.approval() == Approval.NONE || r.approval() == Approval.PENDING
                    || (mode.kind() == ApprovalMode.Kind.AUTO && r.approval() == Approval.AUTO)
                    || (operator && r.approval() == Approval.OPERATOR);
            if (!allowedApproval) {
                fail("(a) approval '" + r.approval() + "' in " + mode + " mode; " + what);
            }
            if (r.status() == ActionStatus.PENDING) {
                pendingSince.putIfAbsent(r.id(), f.simMillis());
                if (prev == null) {
                    totals.pending++;
                }
            }
            if (r.status() == ActionStatus.ROLLED_BACK && (prev == null || prev.status() != ActionStatus.ROLLED_BACK)) {
                totals.rollbacks++;
                if (inForce.remove(r.id()) == null) {
                    fail("(b) rolled back a change not in force; " + what);
                }
            }
            if (r.status() == ActionStatus.BLOCKED && r.approval() != Approval.NONE) {
                totals.approvedButBlocked++;
            }
            boolean newlyExecuted = r.status() == ActionStatus.EXECUTED
                    && (prev == null || prev.status() != ActionStatus.EXECUTED);
            if (!newlyExecuted) {
                return;
            }
            if (r.recovery()) {
                totals.recoveries++;
                if (r.approval() != Approval.NONE) {
                    fail("(a) a recovery with approval '" + r.approval() + "'; " + what);
                }
                undo(r, what);
                return;
            }
            switch (r.approval()) {
                case NONE -> actedAlone(cycle, r, what);
                case AUTO -> {
                    Long since = pendingSince.get(r.id());
                    if (since == null) {
                        fail("(a) executed as auto-approved without ever having been pending; " + what);
                    }
                    if (f.simMillis() - since < mode.delaySeconds() * 1000L) {
                        fail("(a) auto-approved " + (f.simMillis() - since) + " ms after it was raised, before "
                                + mode.delaySeconds() + " s; " + what);
                    }
                    totals.autoApproved++;
                }
                case OPERATOR -> {
                    if (!pendingSince.containsKey(r.id())) {
                        fail("(a) executed as operator-approved without ever having been pending; " + what);
                    }
                    totals.operatorApproved++;
                }
                default -> fail("(a) executed with approval '" + r.approval() + "'; " + what);
            }
            Action a = r.action();
            if (a.type() == ActionType.CLOSE_CIRCUIT) {
                undo(r, what);
            } else if (a.type().changesRouting()) {
                inForce.put(r.id(), a);
                totals.executedChanges++;
            }
        }

        /** An action taken without a human: the cycle's own allowed decision, or a smaller interim step. */
        private void actedAlone(AgentCycle cycle, ActionRecord r, String what) {
            if (cycle == null || cycle.decision() == null || cycle.verdict() == null) {
                fail("(a) executed without approval outside any decision cycle; " + what);
            }
            Action a = r.action();
            GuardVerdict.Kind kind = cycle.verdict().kind();
            if (kind == GuardVerdict.Kind.ALLOW && cycle.decision().action().equals(a)) {
                return;
            }
            if (kind == GuardVerdict.Kind.NEEDS_APPROVAL && !cycle.decision().action().equals(a)) {
                for (Candidate c : cycle.decision().rejected()) {
                    if (c.action().equals(a) && c.trafficShare() <= config.guard().interimMaxShare() + EPS) {
                        totals.interim++;
                        return;
                    }
                }
                fail("(a) executed without approval while the cycle waits for one, and it is not a rejected candidate "
                        + "moving at most " + config.guard().interimMaxShare() + " of traffic; rejected " + cycle.decision().rejected()
                        + "; " + what);
            }
            fail("(a) executed without approval although the guard said " + kind + " for "
                    + cycle.decision().action().describe() + "; " + what);
        }

        /** A recovery (or a close) undoes one change in force: the circuit it closes, or the same shift/policy. */
        private void undo(ActionRecord r, String what) {
            Action a = r.action();
            Iterator<Map.Entry<Long, Action>> it = inForce.entrySet().iterator();
            while (it.hasNext()) {
                Action x = it.next().getValue();
                boolean match = a.type() == ActionType.CLOSE_CIRCUIT
                        ? x.type() == ActionType.OPEN_CIRCUIT && x.target().equals(a.target())
                        : x.equals(a);
                if (match) {
                    it.remove();
                    return;
                }
            }
            fail("(b) a recovery of a change that is not in force (in force: " + inForce + "); " + what);
        }

        private Routing assertEveryPathRouted(RoutingState state, Frame f) {
            Routing routing = new Routing(WORLD, RetryPolicy.DEFAULT);
            try {
                routing.restore(state);
            } catch (RoutingRefusedException e) {
                fail(where(f) + "(d) routing leaves a payment path with no route: " + e.getMessage() + "; " + state);
            }
            for (int i = 0; i < WORLD.issuers().size(); i++) {
                for (int n = 0; n < WORLD.networks().size(); n++) {
                    for (int m = 0; m < WORLD.methods().size(); m++) {
                        for (int c = 0; c < WORLD.merchants().size(); c++) {
                            double[] p = routing.routeProbabilities(i, n, m, c);
                            double sum = 0;
                            for (double x : p) {
                                if (!(x >= 0)) {
                                    fail(where(f) + "(d) route probability " + x + " on path " + i + "/" + n + "/" + m
                                            + "/" + c + "; " + state);
                                }
                                sum += x;
                            }
                            if (Math.abs(sum - 1) > EPS) {
                                fail(where(f) + "(d) route probabilities sum to " + sum + " on path " + i + "/" + n
                                        + "/" + m + "/" + c + "; " + state);
                            }
                        }
                    }
                }
            }
            return routing;
        }

        private String where(Frame f) {
            return "[" + mode + " seed " + scenario.seed() + " " + describe(scenario) + ", tick " + f.tick() + " at "
                    + f.simSeconds() + " s] ";
        }
    }

    /** Half the L1 distance between the two states' normalised weight vectors. */
    private static double movedShare(RoutingState a, RoutingState b) {
        double ta = a.totalWeight();
        double tb = b.totalWeight();
        double d = 0;
        for (String g : a.weights().keySet()) {
            d += Math.abs(a.weights().get(g) / ta - b.weights().get(g) / tb);
        }
        return d / 2;
    }

    /**
     * The share of all first attempts whose gateway changes between two routings: each payment path weighed by its
     * share of payments, times half the L1 distance of its route probabilities. Unlike weights, this sees circuits.
     */
    private static double trafficMoved(Routing a, Routing b) {
        double total = 0;
        double merchants = WORLD.merchants().stream().mapToDouble(x -> x.volumeShare()).sum();
        double issuers = WORLD.issuers().stream().mapToDouble(x -> x.share()).sum();
        double networks = WORLD.networks().stream().mapToDouble(x -> x.share()).sum();
        for (int c = 0; c < WORLD.merchants().size(); c++) {
            var merchant = WORLD.merchants().get(c);
            double mix = WORLD.methods().stream().mapToDouble(x -> merchant.methodMix().getOrDefault(x.name(), 0.0)).sum();
            for (int m = 0; m < WORLD.methods().size(); m++) {
                double pm = merchant.methodMix().getOrDefault(WORLD.methods().get(m).name(), 0.0) / mix;
                for (int i = 0; i < WORLD.issuers().size(); i++) {
                    for (int n = 0; n < WORLD.networks().size(); n++) {
                        double volume = merchant.volumeShare() / merchants * pm * WORLD.issuers().get(i).share() / issuers
                                * WORLD.networks().get(n).share() / networks;
                        double[] p = a.routeProbabilities(i, n, m, c);
                        double[] q = b.routeProbabilities(i, n, m, c);
                        double d = 0;
                        for (int g = 0; g < p.length; g++) {
                            d += Math.abs(p[g] - q[g]);
                        }
                        total += volume * d / 2;
                    }
                }
            }
        }
        return total;
    }

    // ---- random scenarios --------------------------------------------------------------------------------------

    static Scenario randomScenario(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double tps = 30 + rnd.nextInt(51);
        int n = 1 + rnd.nextInt(3);
        List<FaultSpec> faults = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            faults.add(randomFault(rnd));
        }
        return new Scenario("property-" + seed, "random faults for the guardrail property test", seed,
                DURATION_SECONDS, tps, TrafficShape.FLAT, 3600, faults, WORLD);
    }

    /** 3 or 4 faults routing can help with, each on its own gateway, starting within a few minutes of each other. */
    static Scenario busyScenario(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> gateways = new ArrayList<>(WORLD.names(Dimension.GATEWAY));
        int n = 3 + rnd.nextInt(2);
        FaultType[] types = {FaultType.GATEWAY_OUTAGE, FaultType.ISSUER_DEGRADATION, FaultType.NETWORK_ERRORS,
                FaultType.RETRY_STORM};
        List<FaultSpec> faults = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            String g = gateways.remove(rnd.nextInt(gateways.size()));
            Target t = rnd.nextBoolean() ? Target.gateway(g)
                    : Target.of(Dimension.GATEWAY, g, Dimension.ISSUER, name(rnd, Dimension.ISSUER));
            faults.add(new FaultSpec(types[rnd.nextInt(types.length)], t, 150 + rnd.nextInt(240), 300 + rnd.nextInt(400),
                    0.4 + rnd.nextDouble() * 0.5, 1, 0));
        }
        return new Scenario("property-busy-" + seed, "faults on several gateways at once", seed, DURATION_SECONDS,
                40 + rnd.nextInt(41), TrafficShape.FLAT, 3600, faults, WORLD);
    }

    private static FaultSpec randomFault(SplittableRandom rnd) {
        FaultType type = TYPES[rnd.nextInt(TYPES.length)];
        Target target = randomTarget(rnd, type);
        // most faults start after the detector has learned what normal looks like; some start early
        double start = rnd.nextInt(5) == 0 ? rnd.nextInt(200) : 150 + rnd.nextInt(600);
        double duration = 60 + rnd.nextInt(700);
        double ramp = rnd.nextInt(3) == 0 ? rnd.nextInt((int) duration / 2 + 1) : 0;
        if (type == FaultType.LATENCY_SPIKE) {
            return new FaultSpec(type, target, start, duration, 0, 2 + rnd.nextDouble() * 8, ramp);
        }
        double severity = 0.2 + rnd.nextDouble() * 0.75;
        return new FaultSpec(type, target, start, duration, severity, 1, ramp);
    }

    /** Targets like the built-in scenarios': a gateway, a gateway path, an issuer, a merchant, or everything. */
    private static Target randomTarget(SplittableRandom rnd, FaultType type) {
        EnumMap<Dimension, String> m = new EnumMap<>(Dimension.class);
        int shape = rnd.nextInt(12);
        if (type == FaultType.USER_DECLINES && rnd.nextBoolean()) {
            m.put(Dimension.MERCHANT, name(rnd, Dimension.MERCHANT));
            return Target.of(m);
        }
        if (shape <= 4) {
            m.put(Dimension.GATEWAY, name(rnd, Dimension.GATEWAY));
        } else if (shape <= 8) {
            m.put(Dimension.GATEWAY, name(rnd, Dimension.GATEWAY));
            Dimension d = rnd.nextInt(3) != 0 ? Dimension.ISSUER : rnd.nextBoolean() ? Dimension.METHOD : Dimension.NETWORK;
            m.put(d, name(rnd, d));
        } else if (shape == 9) {
            m.put(Dimension.ISSUER, name(rnd, Dimension.ISSUER));
        } else if (shape == 10) {
            Dimension d = rnd.nextBoolean() ? Dimension.NETWORK : Dimension.MERCHANT;
            m.put(d, name(rnd, d));
        }
        return Target.of(m);
    }

    private static String name(SplittableRandom rnd, Dimension d) {
        List<String> names = WORLD.names(d);
        return names.get(rnd.nextInt(names.size()));
    }

    static String describe(Scenario s) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%.0f tps, faults", s.tps()));
        for (FaultSpec x : s.faults()) {
            b.append(String.format(Locale.ROOT, " [%s %s at %.0f s for %.0f s, severity %.2f, x%.1f, ramp %.0f s]",
                    x.type().key(), x.target(), x.startSecond(), x.durationSeconds(), x.severity(), x.multiplier(),
                    x.rampSeconds()));
        }
        return b.toString();
    }
}
