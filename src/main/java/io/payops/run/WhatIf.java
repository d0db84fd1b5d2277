package io.payops.run;

import io.payops.agent.Agent;
import io.payops.agent.learn.LessonStore;
import io.payops.agent.reason.HeuristicReasoner;
import io.payops.domain.ActionRecord;
import io.payops.domain.ActionStatus;
import io.payops.domain.ActionType;
import io.payops.domain.AgentCycle;
import io.payops.domain.Command;
import io.payops.domain.Decision;
import io.payops.domain.Frame;
import io.payops.domain.GuardVerdict;
import io.payops.domain.PolicyStep;
import io.payops.domain.RetryPolicy;
import io.payops.engine.Engine;
import io.payops.policy.PolicyContext;
import io.payops.report.WhatIfReport;
import io.payops.report.WhatIfRow;
import io.payops.report.WhatIfSettings;
import io.payops.sim.Routing;
import io.payops.sim.World;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Runs a fresh agent, with the given guardrail settings, <b>open loop</b> over a recorded session: every recorded
 * snapshot is fed to it as it was recorded, whatever the what-if agent does. Its own routing changes go to a routing
 * of its own that the traffic never sees, so after its first different change the snapshots show the consequences
 * of the recorded agent's choices, not of its own. Then, cycle by cycle, its decisions are compared with the
 * recorded ones.
 *
 * <p>An unchanged agent reproduces the recorded one exactly: it is fed what the recorded agent saw, in the same
 * order: the recorded operator commands (approve/reject, recommend-only) at the same point of the tick as the
 * {@link Engine} applied them, then the frame's snapshot; and since only the policy changes routing, its routing
 * evolves as the recorded routing did while their decisions agree. Chaos commands are ignored: the snapshots already
 * show what they did to the world.
 *
 * <p>Cycles are aligned by time: a moment where only one agent ran a cycle compares that cycle with the other
 * agent's standing decision, its last cycle's. The two agents' cycles fall at different ticks once one of them runs
 * an extra cycle on a new alarm, and from then on one-sided moments come in pairs; where both sides mean no action
 * (nothing decided, or "do nothing", and nothing done alone) such a moment is not a difference.
 *
 * <p>Frames are read once, in order, and not kept: a lazy session reader can stream them. Only the rows (one per
 * cycle) are kept.
 */
public final class WhatIf {
    static final String SAME = "same";
    /** A cycle's action type when it decided nothing. */
    private static final String NO_DECISION = "none";

    private WhatIf() {
    }

    public static WhatIfReport run(Iterable<Frame> frames, World world, WhatIfSettings settings) {
        return run(frames, world, List.of(), settings);
    }

    /** @param lessons what the recorded agent had learnt when the session started (SessionMeta#lessons) */
    public static WhatIfReport run(Iterable<Frame> frames, World world, List<io.payops.domain.Lesson> lessons,
                                   WhatIfSettings settings) {
        Agent agent = new Agent(settings.toConfig(), new HeuristicReasoner(), new LessonStore(lessons), world);
        Routing routing = new Routing(world, RetryPolicy.DEFAULT);
        List<WhatIfRow> rows = new ArrayList<>();
        Set<Long> recordedActions = new HashSet<>();
        Set<Long> whatIfActions = new HashSet<>();
        long frameCount = 0;
        int differing = 0;
        int approvalsApplied = 0;
        int approvalsNotApplied = 0;
        Long firstDifference = null;
        Long routingDiverged = null;
        // the engine applies a tick's commands at the tick's start, i.e. at the previous frame's time
        long tickStart = 0;
        Standing recordedStanding = Standing.NONE;
        Standing whatIfStanding = Standing.NONE;
        for (Frame f : frames) {
            frameCount++;
            for (Command c : f.commands()) {
                if (c instanceof Command.Decide d) {
                    if (decide(agent, d, tickStart)) {
                        approvalsApplied++;
                    } else {
                        approvalsNotApplied++;
                    }
                } else if (c instanceof Command.SetRecommendOnly mode) {
                    agent.setRecommendOnly(mode.recommendOnly());
                }
            }
            PolicyStep step = agent.onTick(new PolicyContext(f.simMillis(), f.snapshot(), routing));
            PolicyStep recordedStep = f.step();
            countExecuted(recordedStep, recordedActions);
            countExecuted(step, whatIfActions);
            if (routingDiverged == null && !routing.state().equals(f.routing())) {
                routingDiverged = f.simMillis();
            }
            AgentCycle recorded = recordedStep == null ? null : recordedStep.cycle();
            AgentCycle whatIf = step.cycle();
            if (recorded != null || whatIf != null) {
                WhatIfRow row = aligned(compare(f.simMillis(), recorded, whatIf), recordedStanding, whatIfStanding);
                recordedStanding = recordedStanding.after(row.recorded(), f.simMillis());
                whatIfStanding = whatIfStanding.after(row.whatIf(), f.simMillis());
                rows.add(row);
                if (row.differs()) {
                    differing++;
                    if (firstDifference == null) {
                        firstDifference = f.simMillis();
                    }
                }
            }
            tickStart = f.simMillis();
        }
        WhatIfReport.Summary summary = new WhatIfReport.Summary(frameCount, rows.size(), differing,
                recordedActions.size(), whatIfActions.size(), firstDifference, routingDiverged, approvalsApplied,
                approvalsNotApplied);
        return new WhatIfReport(settings, summary, rows);
    }

    /** Applies a recorded operator answer as the engine did; false when the what-if agent had no such request. */
    private static boolean decide(Agent agent, Command.Decide d, long now) {
        try {
            return agent.decide(d.actionId(), d.approve(), d.who(), now) == null;
        } catch (RuntimeException e) {
            // the engine turns a throwing command into a refusal; so does the what-if
            return false;
        }
    }

    /** Executed routing changes made to answer trouble (not the undoing of them once it is gone), each id once. */
    private static void countExecuted(PolicyStep step, Set<Long> ids) {
        if (step == null) {
            return;
        }
        for (ActionRecord r : step.actions()) {
            if (r.status() == ActionStatus.EXECUTED && r.action().type().changesRouting() && !r.recovery()) {
                ids.add(r.id());
            }
        }
    }

    /** An agent's decision between its cycles: its last cycle's choice and when that was (null before any). */
    record Standing(WhatIfRow.Choice choice, Long atMillis) {
        static final Standing NONE = new Standing(null, null);

        Standing after(WhatIfRow.Choice cycle, long at) {
            return cycle == null ? this : new Standing(cycle, at);
        }

        /** Before its first cycle an agent has decided nothing. */
        boolean noAction() {
            return choice == null || WhatIf.noAction(choice);
        }

        String since() {
            return atMillis == null ? "nor before" : String.format(java.util.Locale.ROOT,
                    "its last cycle, at %.0f s: %s", atMillis / 1000.0, choice.action());
        }
    }

    /**
     * A one-sided moment where the side that ran a cycle took no action and the other side's standing decision is no
     * action either: not a difference. Any other row is as compared.
     */
    static WhatIfRow aligned(WhatIfRow row, Standing recordedStanding, Standing whatIfStanding) {
        if (!row.differs()) {
            return row;
        }
        if (row.recorded() == null && noAction(row.whatIf()) && recordedStanding.noAction()) {
            return new WhatIfRow(row.atMillis(), null, row.whatIf(), false,
                    "no action on either side: the recorded agent ran no cycle here (" + recordedStanding.since() + ")");
        }
        if (row.whatIf() == null && noAction(row.recorded()) && whatIfStanding.noAction()) {
            return new WhatIfRow(row.atMillis(), row.recorded(), null, false,
                    "no action on either side: the what-if agent ran no cycle here (" + whatIfStanding.since() + ")");
        }
        return row;
    }

    /** Nothing decided, or "do nothing", and nothing done on the agent's own authority. */
    static boolean noAction(WhatIfRow.Choice c) {
        return !c.acted() && (NO_DECISION.equals(c.actionType()) || ActionType.NO_OP.key().equals(c.actionType()));
    }

    static WhatIfRow compare(long atMillis, AgentCycle recordedCycle, AgentCycle whatIfCycle) {
        WhatIfRow.Choice recorded = choice(recordedCycle);
        WhatIfRow.Choice whatIf = choice(whatIfCycle);
        String reason = reason(recorded, whatIf);
        return new WhatIfRow(atMillis, recorded, whatIf, !SAME.equals(reason), reason);
    }

    private static String reason(WhatIfRow.Choice recorded, WhatIfRow.Choice whatIf) {
        if (recorded == null) {
            return "what-if ran a cycle, recorded did not";
        }
        if (whatIf == null) {
            return "recorded ran a cycle, what-if did not";
        }
        if (!sameAction(recorded, whatIf)) {
            if (whatIf.acted() && !recorded.acted()) {
                return "what-if acted, recorded did not";
            }
            if (recorded.acted() && !whatIf.acted()) {
                return "recorded acted, what-if did not";
            }
            return "different action";
        }
        if (!recorded.verdict().equals(whatIf.verdict())) {
            return "same action, different verdict (" + recorded.verdict() + " → " + whatIf.verdict() + ")";
        }
        if (!Objects.equals(recorded.actionTaken(), whatIf.actionTaken())) {
            if (whatIf.acted() != recorded.acted()) {
                return whatIf.acted() ? "same decision; what-if acted, recorded did not"
                        : "same decision; recorded acted, what-if did not";
            }
            return "same decision, different action taken";
        }
        return SAME;
    }

    /** Same type and target, and for a traffic shift the same fraction to the whole percent. */
    private static boolean sameAction(WhatIfRow.Choice a, WhatIfRow.Choice b) {
        return a.actionType().equals(b.actionType()) && Objects.equals(a.target(), b.target())
                && Math.round(a.fraction() * 100) == Math.round(b.fraction() * 100);
    }

    private static WhatIfRow.Choice choice(AgentCycle c) {
        if (c == null) {
            return null;
        }
        Decision d = c.decision();
        GuardVerdict v = c.verdict();
        String taken = c.actionTaken() == null ? "nothing" : c.actionTaken();
        if (d == null) {
            return new WhatIfRow.Choice("no decision", NO_DECISION, null, 0, v == null ? "none" : v.kind().key(), taken, false);
        }
        ActionType type = d.action().type();
        return new WhatIfRow.Choice(d.action().describe(), type.key(), d.action().target(), d.action().fraction(),
                v == null ? "none" : v.kind().key(), taken, acted(type, v, taken));
    }

    /**
     * Whether the cycle changed routing or raised an alert on the agent's own authority. The agent's words say it:
     * "nothing…", "asked for approval…" and "still waiting…" are not acting, unless a smaller interim change was
     * taken meanwhile.
     */
    private static boolean acted(ActionType type, GuardVerdict v, String taken) {
        if (type == ActionType.NO_OP) {
            return false;
        }
        if (type == ActionType.ALERT) {
            return taken.startsWith("raised an alert");
        }
        if (taken.contains("; meanwhile, alone: ")) {
            return true;
        }
        return v != null && v.kind() == GuardVerdict.Kind.ALLOW && !taken.startsWith("nothing");
    }
}
