package io.payops.tickets;

import io.payops.domain.ActionStatus;
import io.payops.domain.Approval;
import io.payops.domain.ApprovalMode;
import io.payops.domain.Decider;
import io.payops.domain.Incident;
import io.payops.domain.RootCause;
import io.payops.domain.Ticket;
import io.payops.domain.TicketAction;
import io.payops.domain.TicketCategory;
import io.payops.domain.TicketCluster;
import io.payops.domain.TicketFacts;
import io.payops.domain.TriageStep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Support-ticket triage, one instance per run, called once per engine tick on the engine thread: observe (the
 * tickets that came in) → detect (clusters across merchants) → reason (root cause, link to a payment incident) →
 * decide (ticket actions with risk) → act (low risk at once, escalations after a human's approval).
 * <p>
 * Safety: the first thing {@link #onTick} does is reduce every ticket to its {@link TicketFacts}, which have no
 * subject or message; everything after works on those. What a merchant writes cannot create, change or approve an
 * action, because no code here can read it. Approvals come only through {@link #approve} / {@link #reject} (a human's
 * command) or the clock ({@link TriageSettings#approvalMode()}).
 */
public final class TicketTriage {
    /** Ticket action ids start here so they never collide with the agent's payment action ids in one approvals pane. */
    public static final long FIRST_ACTION_ID = 1_000_001;

    private final TriageSettings settings;
    private final int merchantsInWorld;
    private final ClusterDetector detector;
    private final Map<Long, TicketAction> pending = new LinkedHashMap<>();
    private final Map<Long, ActionStatus> answered = new LinkedHashMap<>();
    private final List<TicketAction> outbox = new ArrayList<>();
    private final List<String> outboxExplanation = new ArrayList<>();
    private long nextActionId = FIRST_ACTION_ID;

    /** @param merchants the merchants of the world, for how widely an error spread */
    public TicketTriage(TriageSettings settings, List<String> merchants) {
        this.settings = settings;
        this.merchantsInWorld = merchants.size();
        this.detector = new ClusterDetector(settings);
    }

    /** Whether an action id is a ticket action (so a Decide command can be routed here rather than to the agent). */
    public static boolean owns(long actionId) {
        return actionId >= FIRST_ACTION_ID;
    }

    public List<TicketAction> pendingApprovals() {
        return List.copyOf(pending.values());
    }

    public List<TicketCluster> openClusters() {
        return detector.open().stream().map(ClusterState::snapshot).toList();
    }

    /**
     * One tick: the tickets filed since the last tick and the payment incidents open now.
     * @return what changed, for the frame
     */
    public TriageStep onTick(long nowMillis, List<Ticket> newTickets, List<Incident> openPaymentIncidents) {
        List<TicketFacts> facts = newTickets.stream().map(Ticket::facts).toList();
        List<TicketAction> actions = new ArrayList<>(outbox);
        List<String> explanation = new ArrayList<>(outboxExplanation);
        outbox.clear();
        outboxExplanation.clear();
        answerByClock(nowMillis, actions, explanation);

        ClusterDetector.Changes changes = detector.accept(nowMillis, facts);
        Set<ClusterState> changed = new LinkedHashSet<>(changes.formed());
        changed.addAll(changes.grown());
        for (ClusterState c : detector.open()) {
            String linkSentence = null;
            if (c.linkedIncident == null && c.category == TicketCategory.PAYMENT_GATEWAY) {
                Incident i = IncidentLinker.find(c, openPaymentIncidents);
                if (i != null) {
                    c.linkedIncident = i;
                    changed.add(c);
                    linkSentence = String.format(Locale.ROOT, "Cluster %s (%d merchants) belongs to payment incident "
                            + "#%d (%s on %s).", c.id, c.merchants.size(), i.id(), i.diagnosis().key(), i.target());
                }
            }
            if (changes.formed().contains(c) || changes.grown().contains(c) || linkSentence != null) {
                classify(c, changes.formed().contains(c), explanation);
            }
            if (linkSentence != null) {
                explanation.add(linkSentence);
            }
            for (TicketActionPlanner.Planned p : TicketActionPlanner.plan(c, nowMillis, settings.paymentLinkGraceMillis())) {
                if (c.actionsRaised.add(p.type())) {
                    TicketAction a = raise(c, p, nowMillis);
                    actions.add(a);
                    explanation.add(a.status() == ActionStatus.EXECUTED
                            ? "Did " + a.type().key() + " for cluster " + c.id + " on its own (low risk): " + a.why()
                            : "Asks approval for " + a.type().key() + " on cluster " + c.id + " (action " + a.id()
                            + "): " + a.why());
                }
            }
        }
        for (ClusterState c : changes.closed()) {
            changed.add(c);
            explanation.add("Cluster " + c.id + " closed: no ticket with " + c.signature + " for "
                    + SimTimes.minutes(settings.closeAfterMillis()) + ".");
        }
        return new TriageStep(nowMillis, newTickets, changes.assignments(),
                changed.stream().map(ClusterState::snapshot).toList(), actions, explanation,
                List.copyOf(pending.values()), openClusters());
    }

    /** A human approves a waiting escalation; it is carried out at once. @return why not, or null when done */
    public String approve(long actionId, String who, long nowMillis) {
        return answer(actionId, true, who, nowMillis);
    }

    /** A human rejects a waiting escalation. @return why the answer could not be applied, or null when it was */
    public String reject(long actionId, String who, long nowMillis) {
        return answer(actionId, false, who, nowMillis);
    }

    private String answer(long actionId, boolean approve, String who, long nowMillis) {
        if (who == null || who.isBlank()) {
            return "an answer to ticket action " + actionId + " needs the name of who gives it";
        }
        TicketAction a = pending.remove(actionId);
        if (a == null) {
            ActionStatus earlier = answered.get(actionId);
            return earlier != null
                    ? "ticket action " + actionId + " is no longer pending (" + earlier.key() + ")"
                    : "no pending ticket action with id " + actionId;
        }
        Decider by = Decider.named(who);
        TicketAction d = approve
                ? a.decided(ActionStatus.EXECUTED, by, nowMillis, "approved by " + by + "; carried out")
                : a.decided(ActionStatus.REJECTED, by, nowMillis, "rejected by " + by);
        answered.put(actionId, d.status());
        outbox.add(d);
        outboxExplanation.add((approve ? "Carried out " : "Dropped ") + d.type().key() + " for cluster "
                + d.clusterId() + ": " + d.note() + ".");
        return null;
    }

    /** Mirrors the payment approvals: never rejects at once, auto approves after its delay, otherwise requests expire. */
    private void answerByClock(long now, List<TicketAction> actions, List<String> explanation) {
        ApprovalMode mode = settings.approvalMode();
        for (TicketAction a : List.copyOf(pending.values())) {
            TicketAction d = null;
            if (mode.kind() == ApprovalMode.Kind.NEVER) {
                Decider who = new Decider.Simulated(mode);
                d = a.decided(ActionStatus.REJECTED, who, now, "rejected by " + who);
            } else if (mode.kind() == ApprovalMode.Kind.AUTO && now - a.atMillis() >= mode.delaySeconds() * 1000L) {
                Decider who = new Decider.Simulated(mode);
                d = a.decided(ActionStatus.EXECUTED, who, now, "approved by " + who + "; carried out");
            } else if (now >= a.expiresAtMillis()) {
                d = a.decided(ActionStatus.EXPIRED, Decider.EXPIRY, now, "expired without an answer");
            }
            if (d != null) {
                pending.remove(a.id());
                answered.put(a.id(), d.status());
                actions.add(d);
                explanation.add(d.type().key() + " for cluster " + d.clusterId() + ": " + d.note() + ".");
            }
        }
    }

    private void classify(ClusterState c, boolean isNew, List<String> explanation) {
        RootCause before = c.rootCause;
        RootCauseClassifier.Verdict v = RootCauseClassifier.classify(c, merchantsInWorld, c.linkedIncident);
        c.rootCause = v.rootCause();
        c.confidence = v.confidence();
        c.evidence = v.evidence();
        if (isNew) {
            explanation.add(String.format(Locale.ROOT, "New cluster %s: %d merchants reported %s within %s; root cause "
                            + "%s (confidence %.2f).", c.id, c.merchants.size(), c.signature,
                    SimTimes.minutes(c.lastSeenMillis - c.firstSeenMillis), c.rootCause.key(), c.confidence));
        } else if (before != c.rootCause) {
            explanation.add(String.format(Locale.ROOT, "Cluster %s now reads as %s (was %s, confidence %.2f).", c.id,
                    c.rootCause.key(), before.key(), c.confidence));
        }
    }

    private TicketAction raise(ClusterState c, TicketActionPlanner.Planned p, long now) {
        long id = nextActionId++;
        List<String> merchants = List.copyOf(c.merchants);
        if (!p.type().needsApproval()) {
            return new TicketAction(id, now, c.id, p.type(), c.rootCause, c.signature, merchants, ActionStatus.EXECUTED,
                    Approval.NONE, p.why(), List.of(), null, null, null, now, "low risk: carried out alone");
        }
        TicketAction a = new TicketAction(id, now, c.id, p.type(), c.rootCause, c.signature, merchants,
                ActionStatus.PENDING, Approval.PENDING, p.why(), p.approvalReasons(), now + settings.approvalTimeoutMillis(),
                null, null, now, "waits for a human");
        pending.put(id, a);
        return a;
    }
}
