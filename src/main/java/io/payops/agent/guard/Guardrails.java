package io.payops.agent.guard;

import io.payops.agent.AgentConfig;
import io.payops.domain.Action;
import io.payops.domain.ActionType;
import io.payops.domain.Decision;
import io.payops.domain.GuardVerdict;
import io.payops.sim.Routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The guard step. Hard limits block a change outright: more than {@code maxTrafficShift} of traffic moved at once,
 * a retry policy above {@code maxRetryMultiplier}, more than {@code maxActiveActions} changes in force, a target
 * still in its cooldown, or any traffic left with no open route. Softer ones make it wait for a human: confidence
 * below {@code minConfidenceToAct}, a move above the volume cap, or any approval reason from the decide step.
 * Alerts and no_op always pass. Nothing here can be argued with: the inputs are numbers, not text. A human's
 * approval lifts "wait for a human" and the cooldown (the human saw the earlier change in force), never another
 * hard limit: an approved change is checked again, against routing as it is when it would run.
 */
public final class Guardrails {
    private final AgentConfig.Guard limits;

    public Guardrails(AgentConfig config) {
        this.limits = config.guard();
    }

    /**
     * @param activeActions routing changes in force now
     * @param cooldownLeftSeconds seconds until the target's cooldown ends (0 when none)
     */
    public GuardVerdict check(Decision decision, Routing routing, int activeActions, double cooldownLeftSeconds) {
        Action a = decision.action();
        List<String> block = new ArrayList<>();
        if (!a.type().changesRouting()) {
            return new GuardVerdict(GuardVerdict.Kind.ALLOW, List.of(a.type().key() + " does not change routing"));
        }
        double moved = movedShare(a, decision.selected().trafficShare(), routing);
        if (a.type() != ActionType.ADJUST_RETRY_POLICY && moved > limits.maxTrafficShift()) {
            block.add(String.format(Locale.ROOT, "moves %.0f%% of traffic, above the %.0f%% limit for one change",
                    moved * 100, limits.maxTrafficShift() * 100));
        }
        if (a.type() == ActionType.SHIFT_TRAFFIC && a.fraction() > 1) {
            block.add("cannot move more than all of a gateway's traffic");
        }
        if (a.type() == ActionType.ADJUST_RETRY_POLICY
                && a.retryPolicy().maxRetries() + 1 > limits.maxRetryMultiplier()) {
            block.add(String.format(Locale.ROOT, "allows %d attempts per payment, above the %.0f× limit",
                    a.retryPolicy().maxRetries() + 1, limits.maxRetryMultiplier()));
        }
        if (a.type() != ActionType.CLOSE_CIRCUIT && activeActions >= limits.maxActiveActions()) {
            block.add(activeActions + " changes are already in force (at most " + limits.maxActiveActions() + ")");
        }
        if (cooldownLeftSeconds > 0) {
            block.add(String.format(Locale.ROOT, "%s is cooling down for %.0f s more after the last change",
                    a.target(), cooldownLeftSeconds));
        }
        String stranded = strands(a, routing);
        if (stranded != null) {
            block.add(stranded);
        }
        if (!block.isEmpty()) {
            return new GuardVerdict(GuardVerdict.Kind.BLOCK, block);
        }
        List<String> wait = new ArrayList<>();
        if (decision.confidence() < limits.minConfidenceToAct()) {
            wait.add(String.format(Locale.ROOT, "confidence %.2f is below %.2f needed to act alone",
                    decision.confidence(), limits.minConfidenceToAct()));
        }
        if (moved > limits.volumeCapShare()) {
            wait.add(String.format(Locale.ROOT, "moves %.0f%% of traffic, above the %.0f%% a change may move without a human",
                    moved * 100, limits.volumeCapShare() * 100));
        }
        for (String r : decision.approvalReasons()) {
            if (!wait.contains(r)) {
                wait.add(r);
            }
        }
        if (!wait.isEmpty()) {
            return new GuardVerdict(GuardVerdict.Kind.NEEDS_APPROVAL, wait);
        }
        return new GuardVerdict(GuardVerdict.Kind.ALLOW, List.of(String.format(Locale.ROOT,
                "confidence %.2f, moves %.0f%% of traffic, %d of %d changes in force: within every limit",
                decision.confidence(), moved * 100, activeActions, limits.maxActiveActions())));
    }

    /**
     * The share of traffic a change moves, from routing as it is now: the decision's estimate may be minutes old
     * (a request waiting for approval while other changes moved weight onto its gateway). A path circuit keeps its
     * estimate, but never less than it was.
     */
    static double movedShare(Action a, double estimate, Routing routing) {
        String g = a.target().get(io.payops.domain.Dimension.GATEWAY);
        if (g == null) {
            return estimate;
        }
        double gatewayShare = routing.state().share(g);
        return switch (a.type()) {
            case SHIFT_TRAFFIC -> Math.max(estimate, gatewayShare * a.fraction());
            case OPEN_CIRCUIT -> a.target().size() == 1 ? Math.max(estimate, gatewayShare) : estimate;
            default -> estimate;
        };
    }

    private static String strands(Action a, Routing routing) {
        if (a.type() == ActionType.OPEN_CIRCUIT) {
            if (routing.state().openCircuits().contains(a.target())) {
                return "the circuit on " + a.target() + " is already open";
            }
            if (routing.wouldStrand(a.target())) {
                return "opening " + a.target() + " would leave some payments with no open route";
            }
        }
        if (a.type() == ActionType.SHIFT_TRAFFIC) {
            String g = a.target().get(io.payops.domain.Dimension.GATEWAY);
            if (g == null || !routing.state().weights().containsKey(g)) {
                return "shift_traffic needs a known gateway, had " + a.target();
            }
            double others = routing.state().totalWeight() - routing.state().weights().get(g);
            if (others <= 0) {
                return "no other gateway has weight to take " + g + "'s traffic";
            }
        }
        return null;
    }
}
