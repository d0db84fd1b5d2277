package io.payops.store;

import io.payops.domain.ActionRecord;
import io.payops.domain.ApprovalRequest;
import io.payops.domain.Command;
import io.payops.domain.Decision;
import io.payops.domain.GuardVerdict;
import io.payops.domain.Hypothesis;
import io.payops.domain.Lesson;
import io.payops.domain.RoutingState;
import io.payops.domain.Snapshot;
import io.payops.domain.Target;

import java.util.List;
import java.util.Objects;

/**
 * The records persisted in the state directory (DESIGN §5.6), one per file. Each names the session that wrote it and
 * the simulated time it describes; histories are bounded by the writer.
 */
public final class StateFiles {
    public static final int FORMAT = 1;

    private StateFiles() {
    }

    /** A format we do not know is a file we cannot read right: set aside, not overwritten. */
    static void checkFormat(int format) {
        if (format != FORMAT) {
            throw new IllegalArgumentException("format is " + format + " (this version reads format " + FORMAT + ")");
        }
    }

    private static void noneNull(List<?> list, String name) {
        Objects.requireNonNull(list, name + " is missing");
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                throw new IllegalArgumentException(name + "[" + i + "] is null");
            }
        }
    }

    /** {@code metrics.json}: the latest snapshot and a per-second trend. */
    public record Metrics(int format, String session, long simMillis, Snapshot latest, List<TrendPoint> trend) {
        public static void check(Metrics m) {
            checkFormat(m.format());
            Objects.requireNonNull(m.latest(), "latest is missing");
            noneNull(m.trend(), "trend");
        }
    }

    public record TrendPoint(long simMillis, double successRate, double p95, double paymentsPerSecond) {
    }

    /** {@code hypotheses.json}: the latest cycle's hypotheses and those of earlier cycles. */
    public record Hypotheses(int format, String session, long simMillis, List<Hypothesis> latest, List<CycleHypotheses> history) {
        public static void check(Hypotheses h) {
            checkFormat(h.format());
            noneNull(h.latest(), "latest");
            noneNull(h.history(), "history");
        }
    }

    public record CycleHypotheses(long atMillis, List<Hypothesis> hypotheses) {
    }

    /** {@code actions.json}: decisions with their guardrail verdicts, and every action record in its latest version. */
    public record Actions(int format, String session, long simMillis, DecisionEntry latest, List<DecisionEntry> decisions,
                          List<ActionRecord> actions) {
        public static void check(Actions a) {
            checkFormat(a.format());
            noneNull(a.decisions(), "decisions");
            noneNull(a.actions(), "actions");
        }
    }

    public record DecisionEntry(long atMillis, Decision decision, GuardVerdict verdict, String actionTaken,
                                List<String> explanation) {
    }

    /** {@code approvals.json}: requests waiting for a human, and those answered (who, when, what). */
    public record Approvals(int format, String session, long simMillis, List<ApprovalRequest> pending,
                            List<ApprovalRequest> decided,
                            @com.fasterxml.jackson.annotation.JsonInclude(
                                    com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                            List<io.payops.domain.TicketAction> ticketActions) {
        /** Approvals of a world without support tickets. */
        public Approvals(int format, String session, long simMillis, List<ApprovalRequest> pending,
                         List<ApprovalRequest> decided) {
            this(format, session, simMillis, pending, decided, null);
        }

        public static void check(Approvals a) {
            checkFormat(a.format());
            noneNull(a.pending(), "pending");
            noneNull(a.decided(), "decided");
        }
    }

    /** {@code routing.json}: the routing in force. */
    public record Routing(int format, String session, long simMillis, RoutingState routing) {
        /** Rejects what parses but cannot be a routing: missing parts, negative or non-finite weights. */
        public static void check(Routing r) {
            checkFormat(r.format());
            Objects.requireNonNull(r.routing(), "routing is missing");
            RoutingState s = r.routing();
            Objects.requireNonNull(s.retryPolicy(), "routing.retryPolicy is missing");
            s.weights().forEach((g, w) -> {
                if (w == null || !(w >= 0) || Double.isInfinite(w)) {
                    throw new IllegalArgumentException("routing.weights." + g + " is " + w + " (expected a number >= 0)");
                }
            });
        }
    }

    /** {@code lessons.json}: what the agent has learnt, loaded at start so learning carries across sessions. */
    public record Lessons(int format, List<Lesson> lessons) {
        public static void check(Lessons l) {
            checkFormat(l.format());
            Objects.requireNonNull(l.lessons(), "lessons is missing");
            for (int i = 0; i < l.lessons().size(); i++) {
                Lesson x = l.lessons().get(i);
                String at = "lessons[" + i + "]";
                if (x == null || x.diagnosis() == null || x.action() == null || x.outcome() == null || x.situation() == null) {
                    throw new IllegalArgumentException(at + " lacks its situation, diagnosis, action or outcome");
                }
                if (!Double.isFinite(x.successBefore()) || !Double.isFinite(x.successAfter())) {
                    throw new IllegalArgumentException(at + " has a success rate that is not a number");
                }
                if ((x.controlBefore() != null && !Double.isFinite(x.controlBefore()))
                        || (x.controlAfter() != null && !Double.isFinite(x.controlAfter()))) {
                    throw new IllegalArgumentException(at + " has a comparable traffic's success rate that is not a number");
                }
            }
        }
    }

    /**
     * One line of {@code audit.jsonl}: a routing change or something that needed a human (an action record's new
     * status, or a command from outside the engine), with the wall-clock time it was written.
     */
    public record AuditEntry(String at, String session, long simMillis, String kind, Long actionId, String action,
                             Target target, String status, String approval, String outcome, String note,
                             Command command, String error) {
    }
}
