package io.payops.connect.metrics;

import io.payops.common.BoundedMaps;
import io.payops.connect.ConnectorSession;
import io.payops.domain.ActionRecord;
import io.payops.domain.ActionStatus;
import io.payops.domain.ActionType;
import io.payops.domain.AgentCycle;
import io.payops.domain.Diagnosis;
import io.payops.domain.Frame;
import io.payops.domain.Incident;
import io.payops.domain.PolicyStep;
import io.payops.domain.SegmentStats;
import io.payops.domain.SimTotals;
import io.payops.domain.Status;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;

import java.util.Map;

/**
 * The counters and the histogram, fed on the engine thread from each frame: in-memory adds (lock-free adders in the
 * client), no I/O, nothing that waits. They count for the whole process, across sessions, as Prometheus expects a
 * counter to: a session change is not a reset, so {@code increase()} and {@code rate()} read straight through it.
 * What each frame is compared with (the totals, the actions' statuses, the newest incident) is per session.
 */
final class FrameCounters {
    /**
     * Action ids remembered for their last status. A session takes dozens of actions; one running for days is bounded
     * here, and an action still changing after this many newer ones is at worst counted once more.
     */
    static final int REMEMBERED_ACTIONS = 4096;
    /**
     * Agent cycle buckets, in seconds: dense around 1 ms, the cycle's p99 bar (DESIGN §9), up to the seconds an LLM
     * reasoner that is waited for can take.
     */
    static final double[] CYCLE_BUCKETS = {0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
            0.1, 1, 10};
    /** Attempts are counted by status from each frame's newest whole second (the snapshot's recent stats). */
    private static final long SECOND = 1000;

    private final Counter frames;
    private final Counter recordingDropped;
    private final Counter sessions;
    private final Counter paymentsStarted;
    private final Counter paymentsSucceeded;
    private final CounterDataPoint[] attemptsByStatus = new CounterDataPoint[Status.values().length];
    private final Counter actions;
    private final CounterDataPoint[][] actionsByTypeAndStatus =
            new CounterDataPoint[ActionType.values().length][ActionStatus.values().length];
    private final Counter rollbacks;
    private final Counter incidentsOpened;
    private final CounterDataPoint[] incidentsByDiagnosis = new CounterDataPoint[Diagnosis.values().length];
    private final Histogram cycleSeconds;

    // per session, engine thread only
    private ConnectorSession session;
    private SimTotals lastTotals = SimTotals.ZERO;
    private long lastDropped;
    private long newestIncident = -1;
    private final Map<Long, Seen> actionsSeen = BoundedMaps.keepingNewest(REMEMBERED_ACTIONS);

    /** What an action's record said last. */
    private record Seen(ActionStatus status, boolean rolledBack) {
    }

    FrameCounters(PrometheusRegistry registry) {
        frames = Counter.builder().name("payops_frames_total")
                .help("Frames seen: one per engine tick, across sessions.").withoutExemplars().register(registry);
        recordingDropped = Counter.builder().name("payops_recording_dropped_frames_total")
                .help("Frames the session recording dropped because the disk fell behind (a live session; one that "
                        + "runs flat out waits for the disk instead).").withoutExemplars().register(registry);
        sessions = Counter.builder().name("payops_sessions_total")
                .help("Sessions started in this process (runs, event logs, the console's restarts).")
                .withoutExemplars().register(registry);
        Counter attempts = Counter.builder().name("payops_attempts_total")
                .help("Attempts by status, counted per second of the session's clock.").labelNames("status")
                .withoutExemplars().register(registry);
        for (Status s : Status.values()) {
            attemptsByStatus[s.ordinal()] = attempts.labelValues(s.name());
        }
        paymentsStarted = Counter.builder().name("payops_payments_started_total")
                .help("Payments started (first attempts).").withoutExemplars().register(registry);
        // no counter of failed payments: over an event log "failed" is "not succeeded yet" and goes down when a
        // retry succeeds, which a counter cannot; payops_session_payments{status} has it as the report does
        paymentsSucceeded = Counter.builder().name("payops_payments_succeeded_total")
                .help("Payments that succeeded (on any attempt).").withoutExemplars().register(registry);
        actions = Counter.builder().name("payops_actions_total")
                .help("Actions (every decision but no_op) by type and by each status they reached: one action that "
                        + "was pending, then approved, counts once under each.").labelNames("type", "status")
                .withoutExemplars().register(registry);
        rollbacks = Counter.builder().name("payops_rollbacks_total")
                .help("Actions rolled back because they made things worse.").withoutExemplars().register(registry);
        incidentsOpened = Counter.builder().name("payops_incidents_opened_total")
                .help("Incidents opened, by diagnosis.").labelNames("diagnosis").withoutExemplars()
                .register(registry);
        cycleSeconds = Histogram.builder().name("payops_agent_cycle_seconds").unit(Unit.SECONDS)
                .help("Wall time of one agent cycle (detect, reason, decide, guard, act).")
                .classicOnly().classicUpperBounds(CYCLE_BUCKETS).withoutExemplars().register(registry);
    }

    /** Engine thread: a new session; what frames are compared with starts again. */
    void start(ConnectorSession s) {
        session = s;
        lastTotals = SimTotals.ZERO;
        lastDropped = 0;
        newestIncident = -1;
        actionsSeen.clear();
        sessions.inc();
    }

    /** Engine thread, after every tick. */
    void accept(Frame f) {
        frames.inc();
        if (f.simMillis() % SECOND == 0 && f.snapshot() != null && f.snapshot().recentTotal() != null) {
            // on a whole second the snapshot's recent stats are exactly [now - 1 s, now): each second counted once
            SegmentStats second = f.snapshot().recentTotal();
            for (Map.Entry<Status, Long> e : second.statusCounts().entrySet()) {
                attemptsByStatus[e.getKey().ordinal()].inc(e.getValue());
            }
        }
        SimTotals t = f.totals();
        if (t != null) {
            addDelta(paymentsStarted, t.payments(), lastTotals.payments());
            addDelta(paymentsSucceeded, t.succeeded(), lastTotals.succeeded());
            lastTotals = t;
        }
        PolicyStep step = f.step();
        if (step != null) {
            actions(step);
            incidents(step);
            AgentCycle cycle = step.cycle();
            if (cycle != null) {
                cycleSeconds.observe(Unit.nanosToSeconds(cycle.cycleNanos()));
            }
        }
        if (session != null) {
            long dropped = session.droppedFrames().getAsLong();
            addDelta(recordingDropped, dropped, lastDropped);
            lastDropped = Math.max(lastDropped, dropped);
        }
    }

    private void actions(PolicyStep step) {
        for (ActionRecord r : step.actions()) {
            ActionType type = r.action().type();
            if (type == ActionType.NO_OP) {
                continue;
            }
            Seen before = actionsSeen.get(r.id());
            if (before == null || before.status() != r.status()) {
                actionPoint(type, r.status()).inc();
            }
            if (r.rolledBack() && (before == null || !before.rolledBack())) {
                rollbacks.inc();
            }
            if (before == null || before.status() != r.status() || before.rolledBack() != r.rolledBack()) {
                actionsSeen.put(r.id(), new Seen(r.status(), r.rolledBack()));
            }
        }
    }

    private CounterDataPoint actionPoint(ActionType type, ActionStatus status) {
        CounterDataPoint p = actionsByTypeAndStatus[type.ordinal()][status.ordinal()];
        if (p == null) {
            p = actions.labelValues(type.key(), status.key());
            actionsByTypeAndStatus[type.ordinal()][status.ordinal()] = p;
        }
        return p;
    }

    private void incidents(PolicyStep step) {
        for (Incident i : step.incidents()) {
            if (i.id() > newestIncident) {
                newestIncident = i.id();
                CounterDataPoint p = incidentsByDiagnosis[i.diagnosis().ordinal()];
                if (p == null) {
                    p = incidentsOpened.labelValues(i.diagnosis().key());
                    incidentsByDiagnosis[i.diagnosis().ordinal()] = p;
                }
                p.inc();
            }
        }
    }

    /** Counts what a running total gained; a total that went down (it cannot within a session) adds nothing. */
    private static void addDelta(CounterDataPoint counter, long now, long before) {
        if (now > before) {
            counter.inc(now - before);
        }
    }
}
