package io.payops.agent;

import io.payops.agent.act.ActionsInForce;
import io.payops.agent.act.ActiveAction;
import io.payops.agent.act.Executor;
import io.payops.agent.act.RecentHistory;
import io.payops.agent.act.RecoveryMonitor;
import io.payops.agent.act.RollbackMonitor;
import io.payops.agent.act.VerifyResult;
import io.payops.agent.decide.DecisionMaker;
import io.payops.agent.decide.SituationView;
import io.payops.agent.detect.Detector;
import io.payops.agent.explain.Explainer;
import io.payops.agent.guard.Guardrails;
import io.payops.agent.learn.LessonStore;
import io.payops.agent.reason.Evidence;
import io.payops.agent.reason.Reasoner;
import io.payops.agent.reason.ReasoningInput;
import io.payops.domain.Action;
import io.payops.domain.ActionOutcome;
import io.payops.domain.ActionRecord;
import io.payops.domain.ActionStatus;
import io.payops.domain.AgentCycle;
import io.payops.domain.Anomaly;
import io.payops.domain.Approval;
import io.payops.domain.ApprovalRequest;
import io.payops.domain.Candidate;
import io.payops.domain.Decision;
import io.payops.domain.Detection;
import io.payops.domain.GuardVerdict;
import io.payops.domain.Hypothesis;
import io.payops.domain.PolicyStep;
import io.payops.domain.RoutingState;
import io.payops.domain.Snapshot;
import io.payops.domain.Target;
import io.payops.policy.ApprovalHandler;
import io.payops.policy.Policy;
import io.payops.policy.PolicyContext;
import io.payops.sim.RoutingRefusedException;
import io.payops.sim.World;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The agent: one {@link Policy} that detects every tick and, every few seconds or at once when a new alarm goes off,
 * runs detect → reason → decide → guard → act, then verifies what it did, learns from it and explains all of it.
 * Owned by the engine thread; a human's approvals arrive through {@link #decide}.
 */
public final class Agent implements Policy, ApprovalHandler {
    static final String RECOMMEND_ONLY_REASON = "recommend-only mode: a human approves every routing change";

    private final AgentConfig config;
    private final Reasoner reasoner;
    private final LessonStore lessons;
    private final World world;
    private final Detector detector;
    private final RecentHistory history;
    private final DecisionMaker decisionMaker;
    private final Guardrails guardrails;
    private final Explainer explainer = new Explainer();
    private final ActionsInForce actions = new ActionsInForce();
    private final FeasibilityMemory memory;
    private final ApprovalFlow approvals;
    private final InterimActions interim;
    private final IncidentTracker incidents;
    private final List<ActionRecord> outbox = new ArrayList<>();
    private Executor executor;
    private RollbackMonitor rollbacks;
    private RecoveryMonitor recoveries;
    private long nextId = 1;
    private final ChangeExecution changes = new ChangeExecution() {
        @Override
        public long newId() {
            return nextId++;
        }

        @Override
        public ActionRecord execute(long id, Action a, Decision decision, List<Anomaly> anomalies, long now,
                                    Approval approval) {
            return Agent.this.execute(id, a, decision, anomalies, now, approval);
        }

        @Override
        public io.payops.sim.Routing routing() {
            return executor.routing();
        }

        @Override
        public int inForce() {
            return actions.countInForce();
        }

        @Override
        public Action circuitAround(Target trouble) {
            return actions.inForce().stream().map(x -> x.record().action())
                    .filter(x -> x.type() == io.payops.domain.ActionType.OPEN_CIRCUIT && trouble.within(x.target()))
                    .findFirst().orElse(null);
        }
    };
    private long lastCycleMillis = Long.MIN_VALUE / 2;
    private Set<Target> lastAlarmTargets = Set.of();
    private AgentCycle lastCycle;
    /** The hypotheses of the cycle running now (null between cycles). */
    private List<Hypothesis> currentHypotheses;
    private boolean recommendOnly;

    public Agent(AgentConfig config, Reasoner reasoner, LessonStore lessons, World world) {
        this.config = config;
        this.reasoner = reasoner;
        this.lessons = lessons;
        this.world = world;
        this.detector = new Detector(config);
        this.decisionMaker = new DecisionMaker(config, lessons);
        this.guardrails = new Guardrails(config);
        // the history kept is what the longest evidence window reaches back to
        this.history = new RecentHistory(config.localization().maxEvidenceSeconds());
        this.memory = new FeasibilityMemory(config.memory());
        this.approvals = new ApprovalFlow(config, guardrails, memory);
        this.interim = new InterimActions(config.guard(), guardrails, actions);
        this.incidents = new IncidentTracker(config.incidents());
    }

    @Override
    public String name() {
        return "agent";
    }

    @Override
    public io.payops.domain.ApprovalMode approvalMode() {
        return config.approval();
    }

    @Override
    public void restoreLessons(List<io.payops.domain.Lesson> earlier) {
        earlier.forEach(lessons::add);
    }

    /** The standing conditions as of the last cycle. */
    private List<io.payops.domain.StandingCondition> standing = List.of();

    @Override
    public List<io.payops.domain.SegmentReference> references() {
        return detector.references();
    }

    @Override
    public PolicyStep onTick(PolicyContext ctx) {
        if (executor == null) {
            executor = new Executor(ctx.routing());
            rollbacks = new RollbackMonitor(config, history, executor, lessons);
            recoveries = new RecoveryMonitor(config, history, executor, detector, () -> nextId++);
        }
        long now = ctx.nowMillis();
        Snapshot snapshot = ctx.snapshot();
        List<ActionRecord> records = new ArrayList<>(outbox);
        outbox.clear();
        List<Anomaly> anomalies = detector.update(snapshot);
        history.add(snapshot);
        records.addAll(approvals.expire(now, lastCycle, changes));
        VerifyResult verified = VerifyResult.empty();
        rollbacks.tick(actions, now, verified);
        recoveries.tick(actions, now, verified);
        records.addAll(verified.records());

        Set<Target> alarms = anomalies.stream().map(Anomaly::target).collect(Collectors.toSet());
        boolean newAlarm = !lastAlarmTargets.containsAll(alarms);
        lastAlarmTargets = alarms;
        AgentCycle cycle = null;
        List<Detection> detections = List.of();
        List<String> explanation = new ArrayList<>(verified.sentences());
        if (now - lastCycleMillis >= config.cycleSeconds() * 1000L || newAlarm) {
            lastCycleMillis = now;
            cycle = runCycle(ctx, anomalies, records);
            explanation.addAll(cycle.explanation());
            // what is reported reads as its target's dimension (no gateway outage on an issuer), whatever the
            // reasoner called it; the decision was made on what it said, and incidents are matched on it
            List<Hypothesis> named = cycle.hypotheses().stream().map(h -> fitted(h, h.target())).toList();
            detections = detections(named, now, config.incidents().detectionConfidence());
            incidents.observe(cycle.hypotheses(), now);
            lastCycle = cycle;
            standing = detector.standing(now);
        }
        incidents.closeQuiet(now, actions.inForce().stream()
                        .map(a -> new IncidentTracker.Change(a.target(), a.diagnosis())).toList(),
                t -> !detector.troubled(t));
        return new PolicyStep(records, detections, explanation, cycle, approvals.queue().pending(), incidents.open(),
                lessons.state(), standing, approvals.takeEnds());
    }

    private AgentCycle runCycle(PolicyContext ctx, List<Anomaly> anomalies, List<ActionRecord> records) {
        long start = System.nanoTime();
        long now = ctx.nowMillis();
        Evidence evidence = EvidenceWindows.of(history, config.localization(), ctx.snapshot(), anomalies, now);
        List<Hypothesis> hypotheses = behindCircuits(reasoner.hypothesize(new ReasoningInput(ctx.snapshot(), anomalies,
                detector, lessons.recent(10), config.localization().significance(), evidence, config.localization())));
        // routing is judged on the technical failures' longest window: the most evidence about the paths in trouble
        List<io.payops.domain.Snapshot> technical = evidence.windows(io.payops.domain.AnomalyKind.TECHNICAL_FAILURES);
        SituationView view = new SituationView(ctx.snapshot(), detector, ctx.routing().state(), world,
                technical.get(technical.size() - 1));
        Decision decision = decisionMaker.decide(hypotheses, view, c -> infeasible(c, now));
        Action action = decision.action();
        double cooldown = action.type().changesRouting()
                ? actions.cooldownLeft(action.target(), now, config.guard().cooldownSeconds()) : 0;
        GuardVerdict verdict = guardrails.check(decision, ctx.routing(), actions.countInForce(), cooldown);
        if (recommendOnly && verdict.kind() == GuardVerdict.Kind.ALLOW && action.type().changesRouting()) {
            List<String> reasons = new ArrayList<>(verdict.reasons());
            reasons.add(RECOMMEND_ONLY_REASON);
            verdict = new GuardVerdict(GuardVerdict.Kind.NEEDS_APPROVAL, reasons);
        }
        currentHypotheses = hypotheses;
        String taken = act(decision, verdict, hypotheses.get(0), anomalies, now, records);
        currentHypotheses = null;
        List<String> explanation = explainer.explain(anomalies, ctx.snapshot().windowSeconds(), hypotheses,
                decision, verdict, taken);
        return new AgentCycle(now, anomalies, hypotheses, decision, verdict, taken, explanation, reasoner.note(),
                System.nanoTime() - start, reasoner.lastCall());
    }

    /**
     * The latest cycle's most confident hypothesis of the decision's diagnosis on traffic its action touches: the
     * trouble an alert or a request is about, which need not be the cycle's top hypothesis (a second fault, or a path
     * fault under a broad one).
     */
    private java.util.Optional<Hypothesis> answeredHypothesis(Decision decision) {
        List<Hypothesis> latest = currentHypotheses != null ? currentHypotheses
                : lastCycle == null ? List.of() : lastCycle.hypotheses();
        return latest.stream().filter(h -> h.diagnosis() == decision.selected().forDiagnosis()
                        && h.target().overlaps(decision.action().target()))
                .max(java.util.Comparator.comparingDouble(Hypothesis::confidence));
    }

    /**
     * What is seen inside a target whose circuit is open is its probe's trickle of attempts, too few to localize
     * within it: a hypothesis of the trouble the circuit answers, on part of that target, is that target's trouble.
     */
    private List<Hypothesis> behindCircuits(List<Hypothesis> hypotheses) {
        List<Hypothesis> out = new ArrayList<>(hypotheses.size());
        for (Hypothesis h : hypotheses) {
            Hypothesis kept = h;
            for (ActiveAction a : actions.inForce()) {
                Target t = a.target();
                // the circuit takes all of its target's traffic away, whether it was opened on the trouble's own
                // target or, judged worse as a whole, on the gateway around it: only the probe's trickle is left
                if (a.record().action().type() == io.payops.domain.ActionType.OPEN_CIRCUIT
                        && !h.target().equals(t) && h.target().within(t) && a.diagnosis() == h.diagnosis()) {
                    List<String> evidence = new ArrayList<>(h.evidence());
                    evidence.add("The circuit on " + t + " is open: what is seen on " + h.target()
                            + " is its probe's few attempts, so the trouble is taken as " + t + "'s.");
                    kept = new Hypothesis(h.diagnosis(), t, h.confidence(), evidence, h.source());
                    break;
                }
            }
            Hypothesis candidate = kept;
            if (out.stream().noneMatch(o -> o.diagnosis() == candidate.diagnosis() && o.target().equals(candidate.target()))) {
                out.add(candidate);
            }
        }
        return out;
    }

    private static Hypothesis fitted(Hypothesis h, Target t) {
        io.payops.domain.Diagnosis d = h.diagnosis().fitTo(t);
        return d == h.diagnosis() ? h : new Hypothesis(d, h.target(), h.confidence(), h.evidence(), h.source());
    }

    /** Why a candidate cannot be taken now, or null. */
    private String infeasible(Candidate c, long now) {
        return memory.whyNot(c, now, actions, approvals.queue());
    }

    /** Carries out the guard's verdict; returns what was done, in words. */
    private String act(Decision decision, GuardVerdict verdict, Hypothesis top, List<Anomaly> anomalies, long now,
                       List<ActionRecord> records) {
        Action a = decision.action();
        switch (a.type()) {
            case NO_OP -> {
                return "nothing";
            }
            case ALERT -> {
                memory.alerted(a.target(), now);
                Hypothesis about = answeredHypothesis(decision).orElse(top);
                records.add(new ActionRecord(nextId++, now, a, ActionStatus.EXECUTED, Approval.NONE, ActionOutcome.NOT_APPLICABLE, false, now,
                        "alert: " + about.diagnosis().key() + " on " + about.target(), false));
                return "raised an alert on " + a.target();
            }
            default -> {
                // routing changes below
            }
        }
        switch (verdict.kind()) {
            case BLOCK -> {
                memory.blocked(a, now);
                records.add(new ActionRecord(nextId++, now, a, ActionStatus.BLOCKED, Approval.NONE, ActionOutcome.NOT_APPLICABLE, false, now,
                        "blocked: " + String.join("; ", verdict.reasons()), false));
                return "nothing: " + a.describe() + " was blocked (" + String.join("; ", verdict.reasons()) + ")";
            }
            case NEEDS_APPROVAL -> {
                String meanwhile = interim.take(decision, recommendOnly, anomalies, now, c -> infeasible(c, now),
                        changes, records);
                if (approvals.waitingFor(a)) {
                    return "still waiting for approval to " + a.describe() + meanwhile;
                }
                records.add(approvals.raise(nextId++, decision, verdict, answeredHypothesis(decision).orElse(top), now));
                return "asked for approval to " + a.describe() + meanwhile;
            }
            default -> {
                // the evidence may have grown since the agent asked: then it acts alone and takes the request back
                ApprovalRequest asked = approvals.withdraw(a);
                long id = asked != null ? asked.actionId() : nextId++;
                ActionRecord r = execute(id, a, decision, anomalies, now, Approval.NONE);
                records.add(asked == null ? r : approvals.tookAlone(asked, r, now));
                return r.status() == ActionStatus.EXECUTED ? a.describe() : "nothing: " + r.note();
            }
        }
    }

    private ActionRecord execute(long id, Action a, Decision decision, List<Anomaly> anomalies, long now, Approval approval) {
        try {
            RoutingState before = executor.apply(a);
            RoutingState after = executor.routing().state();
            long from = beforeFrom(a.target(), anomalies, now);
            var during = history.sum(a.target(), from, now);
            double faulty = Double.isNaN(during.technicalRate()) ? 0.3 : during.technicalRate();
            ActionRecord r = new ActionRecord(id, now, a, ActionStatus.EXECUTED, approval, ActionOutcome.PENDING, false, now,
                    String.format(Locale.ROOT, "%s (decision confidence %.2f)", decision.selected().forDiagnosis().key(),
                            decision.confidence()), false);
            ActiveAction active = actions.add(r, decision.selected().forDiagnosis(), before, after, now, from, faulty);
            return active.record();
        } catch (RoutingRefusedException e) {
            memory.blocked(a, now);
            return new ActionRecord(id, now, a, ActionStatus.BLOCKED, approval, ActionOutcome.NOT_APPLICABLE, false, now,
                    "routing refused: " + e.getMessage(), false);
        }
    }

    /**
     * The start of the trouble an action answers (when the sequential test left zero), bounded to 3..90 s before
     * it, so the action's effect is measured against the trouble, not against the calm before it.
     */
    private long beforeFrom(Target t, List<Anomaly> anomalies, long now) {
        long from = Long.MAX_VALUE;
        for (Anomaly a : anomalies) {
            if (a.target().overlaps(t) && a.sinceMillis() > 0) {
                from = Math.min(from, a.sinceMillis());
            }
        }
        if (from == Long.MAX_VALUE) {
            from = now - 30_000;
        }
        return Math.max(now - 90_000, Math.min(now - 3_000, from));
    }

    /**
     * In recommend-only mode every new routing change waits for a human, even one the guardrails would let it take
     * alone. Rollbacks and the undoing of its own changes once a fault is gone still run: they restore routing a
     * human already accepted.
     */
    @Override
    public void setRecommendOnly(boolean recommendOnly) {
        this.recommendOnly = recommendOnly;
    }

    public boolean recommendOnly() {
        return recommendOnly;
    }

    @Override
    public String decide(long actionId, boolean approve, String who, long nowMillis) {
        ActionRecord r = approvals.decide(actionId, approve, who, nowMillis, lastCycle, changes);
        if (r == null) {
            return "no pending approval request with id " + actionId;
        }
        outbox.add(r);
        return null;
    }

    /** The incident hypotheses worth reporting: confident enough, and not a wider or narrower echo of one already said. */
    private static List<Detection> detections(List<Hypothesis> hypotheses, long now, double minConfidence) {
        List<Detection> out = new ArrayList<>();
        for (Hypothesis h : hypotheses) {
            if (!h.diagnosis().isIncident() || h.confidence() < minConfidence) {
                continue;
            }
            boolean echo = out.stream().anyMatch(d -> d.diagnosis() == h.diagnosis() && d.target().overlaps(h.target()));
            if (!echo) {
                out.add(new Detection(now, h.diagnosis(), h.target(), h.confidence()));
            }
        }
        return out;
    }
}
