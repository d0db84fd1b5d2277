package io.payops.ui.timeline;

import io.payops.domain.Action;
import io.payops.domain.ActionRecord;
import io.payops.domain.ActionStatus;
import io.payops.domain.ActionType;
import io.payops.domain.Command;
import io.payops.domain.FaultSpec;
import io.payops.domain.FaultType;
import io.payops.domain.Frame;
import io.payops.domain.Target;
import io.payops.domain.TicketAction;
import io.payops.ui.tickets.TicketWords;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns each frame into audit rows, oldest first: its commands in the order the engine applied them (an approval
 * is followed at once by the execution it caused, as in the engine), then its command errors, then the other
 * action records that are new or changed in that tick, then the support-ticket actions that are (as the state
 * recorder's "ticket_action" lines). One per session; not thread-safe (FX thread).
 */
final class AuditRowFactory {
    /**
     * Actions (by id) and fault targets (by fault id) remembered so an approval or a fault removal can name what
     * it is about. Only recent ones matter (an approval request expires after minutes), so the oldest are forgotten.
     */
    static final int MAX_REMEMBERED = 1_000;

    private static final String NONE = "—";

    private static final DateTimeFormatter WALL = DateTimeFormatter.ofPattern("HH:mm:ss", java.util.Locale.ROOT);

    private final Map<Long, Action> actions = lru();
    private final Map<Long, TicketAction> ticketActions = lru();
    private final ZoneId zone;
    private final Map<String, Target> faultTargets = lru();
    private long seq;
    private long lastFrameMillis = -1;
    /** The wall-clock moment of the frame being turned into rows; null in a replay. */
    private Instant wallAt;

    /** @param zone the time zone the wall-clock column is shown in */
    AuditRowFactory(ZoneId zone) {
        this.zone = zone;
    }

    /** @param receivedAt when the console received the frame; null when that is not known (a replay) */
    List<AuditRow> rowsFor(Frame f, Instant receivedAt) {
        wallAt = receivedAt;
        List<AuditRow> out = new ArrayList<>();
        // commands are applied at the start of the tick, which is where the previous frame ended
        long commandMillis = lastFrameMillis >= 0 && lastFrameMillis <= f.simMillis() ? lastFrameMillis : f.simMillis();
        lastFrameMillis = f.simMillis();
        List<ActionRecord> records = f.step() == null ? List.of() : new ArrayList<>(f.step().actions());
        for (ActionRecord r : records) {
            actions.put(r.id(), r.action());
        }
        List<TicketAction> tickets = f.tickets() == null ? List.of() : new ArrayList<>(f.tickets().actions());
        for (TicketAction t : tickets) {
            ticketActions.put(t.id(), t);
        }
        for (Command c : f.commands()) {
            if (c instanceof Command.Decide d) {
                // the engine resolves an answered request at once, so its record is in this very frame: show it
                // right after the approval; no record means the engine refused the answer (see the error row)
                List<ActionRecord> caused = take(records, r -> r.id() == d.actionId());
                List<TicketAction> causedTickets = take(tickets, t -> t.id() == d.actionId());
                boolean accepted = !caused.isEmpty() || !causedTickets.isEmpty() || f.commandErrors().isEmpty();
                out.add(decide(d, commandMillis, accepted));
                caused.forEach(r -> out.add(record(r)));
                causedTickets.forEach(t -> out.add(ticket(t)));
            } else {
                out.add(command(c, commandMillis, refused(c, f.commandErrors()) ? "refused" : "applied"));
            }
        }
        for (String error : f.commandErrors()) {
            out.add(row(commandMillis, AuditKind.ERROR, "command refused", NONE, "refused", NONE, NONE, error));
        }
        for (ActionRecord r : records) {
            out.add(record(r));
        }
        for (TicketAction t : tickets) {
            out.add(ticket(t));
        }
        for (io.payops.domain.TestPayment t : f.testPayments()) {
            if (t.finished()) {
                out.add(row(f.simMillis(), AuditKind.TEST_PAYMENT, "test payment " + t.id() + " done", NONE,
                        t.outcome().success() ? "succeeded" : "failed", NONE, NONE, t.result()));
            }
        }
        return out;
    }

    /** Removes from {@code from} what matches, and returns it, in order. */
    private static <T> List<T> take(List<T> from, java.util.function.Predicate<T> matches) {
        List<T> taken = new ArrayList<>();
        for (var it = from.iterator(); it.hasNext(); ) {
            T x = it.next();
            if (matches.test(x)) {
                taken.add(x);
                it.remove();
            }
        }
        return taken;
    }

    /**
     * A ticket action's version: the action and the cluster it is for (the kind says it is a ticket action), then
     * in the note its id (in a range of its own), the merchants it reaches, why, and the cluster's error signature.
     */
    AuditRow ticket(TicketAction t) {
        String why = t.note() != null && !t.note().isEmpty() ? t.note() : t.why();
        return row(t.updatedAtMillis(), AuditKind.TICKET, t.type().key(), "cluster " + t.clusterId(),
                t.status().key(), t.approval().key(), NONE,
                "#" + t.id() + " " + TicketWords.reach(t.merchants()) + (why == null || why.isEmpty() ? "" : "; " + why)
                        + " (" + t.signature() + ")");
    }

    AuditRow record(ActionRecord r) {
        AuditKind kind = r.action().type() == ActionType.ALERT ? AuditKind.ALERT : switch (r.status()) {
            case PENDING -> AuditKind.DECISION;
            case EXECUTED -> AuditKind.EXECUTION;
            case APPROVED, REJECTED -> AuditKind.APPROVAL;
            case EXPIRED -> AuditKind.EXPIRY;
            case BLOCKED -> AuditKind.BLOCKED;
            case ROLLED_BACK -> AuditKind.ROLLBACK;
        };
        String note = r.note() == null ? "" : r.note();
        if (r.recovery() && r.status() == ActionStatus.EXECUTED) {
            note = note.isEmpty() ? "recovery: undoes an earlier change" : "recovery: " + note;
        }
        return row(r.updatedAtMillis(), kind, r.action().describe(), target(r.action()), r.status().key(),
                r.approval().key(), r.outcome().key(), "#" + r.id() + " " + note);
    }

    private AuditRow command(Command c, long at, String applied) {
        if (c instanceof Command.RoutingDelivered d) {
            // the real router acknowledged a change sent through --routing-webhook: over an event log it is applied
            Action a = actions.get(d.actionId());
            return row(at, AuditKind.EXECUTION, "router applied #" + d.actionId()
                    + (a == null ? "" : ": " + a.describe()), a == null ? NONE : target(a), applied, "router", NONE,
                    "acknowledged " + d.status() + " (idempotency key " + d.idempotencyKey() + ")");
        }
        if (c instanceof Command.AddFault add) {
            FaultSpec s = add.spec();
            if (add.faultId() != null) {
                faultTargets.put(add.faultId(), s.target());
            }
            String when = add.startNow() ? "starts now" : "starts at t=" + seconds(Math.round(s.startSecond() * 1000)) + " s";
            return row(at, AuditKind.CHAOS, "inject " + fault(s), s.target().toString(), applied, NONE, NONE,
                    (add.faultId() == null ? "fault id from the engine" : "fault " + add.faultId()) + ", " + when);
        }
        if (c instanceof Command.UpdateFault upd) {
            faultTargets.put(upd.faultId(), upd.spec().target());
            return row(at, AuditKind.CHAOS, "change to " + fault(upd.spec()), upd.spec().target().toString(), applied,
                    NONE, NONE, "fault " + upd.faultId());
        }
        if (c instanceof Command.RemoveFault rem) {
            Target t = faultTargets.get(rem.faultId());
            return row(at, AuditKind.CHAOS, "remove fault " + rem.faultId(), t == null ? NONE : t.toString(), applied,
                    NONE, NONE, "fault " + rem.faultId());
        }
        if (c instanceof Command.SendTestPayment p) {
            return row(at, AuditKind.TEST_PAYMENT, "send test payment " + p.testId(), NONE, applied, "operator", NONE,
                    String.format(Locale.ROOT, "merchant %s, %s, %s, %s, %.2f", p.merchant(), p.method(), p.issuer(),
                            p.network(), p.amount()));
        }
        if (c instanceof Command.SetRecommendOnly m) {
            return row(at, AuditKind.OPERATOR, m.recommendOnly() ? "recommend only" : "autonomous within guardrails",
                    NONE, applied, NONE, NONE, m.recommendOnly() ? "every routing change now waits for a human"
                            : "the agent may act alone where the guardrails allow");
        }
        if (c instanceof Command.Pause p) {
            return row(at, AuditKind.OPERATOR, p.paused() ? "pause" : "resume", NONE, applied, NONE, NONE, "");
        }
        if (c instanceof Command.SetSpeed s) {
            return row(at, AuditKind.OPERATOR, String.format(Locale.ROOT, "speed ×%s", trim(s.speed())), NONE, applied,
                    NONE, NONE, "");
        }
        return row(at, AuditKind.OPERATOR, c.getClass().getSimpleName(), NONE, applied, NONE, NONE, c.toString());
    }

    /**
     * Whether one of the tick's errors is about this command. The engine says so in words only: its generic refusal
     * starts with the command's name ("AddFault refused: ..."), and a removal of an unknown fault names the id.
     */
    private static boolean refused(Command c, List<String> errors) {
        String name = c.getClass().getSimpleName();
        for (String e : errors) {
            if (e.startsWith(name + " refused")
                    || c instanceof Command.RemoveFault rem && e.equals("no fault with id " + rem.faultId())
                    || c instanceof Command.SetRecommendOnly && e.contains("recommend-only")
                    || c instanceof Command.SendTestPayment && e.contains("test payment")) {
                return true;
            }
        }
        return false;
    }

    private AuditRow decide(Command.Decide d, long at, boolean accepted) {
        Action a = actions.get(d.actionId());
        TicketAction t = a == null ? ticketActions.get(d.actionId()) : null;
        String who = d.who() == null ? "operator" : d.who();
        String verb = d.approve() ? "approved" : "rejected";
        String what = a != null ? a.describe()
                : t != null ? t.type().key() : "request #" + d.actionId();
        String on = a != null ? target(a) : t != null ? "cluster " + t.clusterId() : NONE;
        return row(at, AuditKind.APPROVAL, what, on, accepted ? verb : "refused", who, NONE,
                "#" + d.actionId() + " " + verb + " by " + who + (accepted ? "" : ": the engine refused it"));
    }

    private AuditRow row(long at, AuditKind kind, String action, String target, String status, String approval,
                         String outcome, String note) {
        return new AuditRow(seq++, at, wallAt, kind, seconds(at), wallAt == null ? NONE : WALL.format(wallAt.atZone(zone)),
                action, target, status, approval, outcome, note);
    }

    private static String fault(FaultSpec s) {
        String strength = s.type() == FaultType.LATENCY_SPIKE
                ? "×" + trim(s.multiplier())
                : String.format(Locale.ROOT, "%.0f%%", s.severity() * 100);
        return String.format(Locale.ROOT, "%s %s, %s s", s.type().key(), strength, trim(s.durationSeconds()));
    }

    private static String target(Action a) {
        return a.target().toString();
    }

    /** Simulated seconds for the time column: "312", or "312.5" off the whole second. */
    static String seconds(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static <K, V> Map<K, V> lru() {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > MAX_REMEMBERED;
            }
        };
    }
}
