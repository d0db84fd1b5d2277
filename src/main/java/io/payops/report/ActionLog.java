package io.payops.report;

import io.payops.domain.ActionRecord;
import io.payops.domain.ActionStatus;
import io.payops.domain.ActionType;
import io.payops.domain.Frame;
import io.payops.domain.Target;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every action record of a run in its latest state, when each was first executed, and how many approval requests
 * were raised: what both the run report and the ingest report say about actions.
 */
final class ActionLog {
    private final Map<Long, ActionRecord> actions = new LinkedHashMap<>();
    private final Map<Long, Long> executedAt = new LinkedHashMap<>();
    private int approvalsRequested;

    /** @return the records of this frame that were executed for the first time in it */
    List<ActionRecord> accept(Frame frame) {
        List<ActionRecord> newlyExecuted = new ArrayList<>(0);
        for (ActionRecord r : frame.step().actions()) {
            ActionRecord previous = actions.put(r.id(), r);
            if (previous == null && r.status() == ActionStatus.PENDING) {
                approvalsRequested++;
            }
            if (r.status() == ActionStatus.EXECUTED && !executedAt.containsKey(r.id())) {
                executedAt.put(r.id(), frame.simMillis());
                newlyExecuted.add(r);
            }
        }
        return newlyExecuted;
    }

    int approvalsRequested() {
        return approvalsRequested;
    }

    int rollbacks() {
        return (int) actions.values().stream().filter(r -> r.action().type() != ActionType.NO_OP && r.rolledBack()).count();
    }

    /**
     * The earliest execution within [from, to] of a routing change made for a problem on a target overlapping
     * {@code target} (recoveries and closing circuits excluded), or null.
     */
    Long firstMitigation(Target target, long from, long to) {
        return firstMitigation(from, to, t -> t.overlaps(target));
    }

    /** The first routing change within {@code target} (its own traffic or a part of it) in [from, to], or null. */
    Long firstMitigationWithin(Target target, long from, long to) {
        return firstMitigation(from, to, t -> t.within(target));
    }

    private Long firstMitigation(long from, long to, java.util.function.Predicate<Target> aimed) {
        Long first = null;
        for (Map.Entry<Long, Long> e : executedAt.entrySet()) {
            ActionRecord r = actions.get(e.getKey());
            long at = e.getValue();
            if (r.action().type().changesRouting() && !r.recovery() && r.action().type() != ActionType.CLOSE_CIRCUIT
                    && at >= from && at <= to && aimed.test(r.action().target()) && (first == null || at < first)) {
                first = at;
            }
        }
        return first;
    }

    /**
     * Every decision that was not a no-op, with its final status as {@code status} names it.
     *
     * @param applied null for a closed-loop run; false when the actions were only recommended (an action the real
     *                router acknowledged through --routing-webhook is applied all the same)
     */
    List<ActionReport> reports(Function<ActionStatus, String> status, Boolean applied) {
        List<ActionReport> out = new ArrayList<>();
        for (ActionRecord r : actions.values()) {
            if (r.action().type() == ActionType.NO_OP) {
                continue;
            }
            out.add(new ActionReport(r.id(), ReportBuilder.seconds(r.atMillis()), r.action().type().key(),
                    r.action().target(), r.action().describe(), status.apply(r.status()), r.approval().key(), r.outcome().key(),
                    r.rolledBack(), r.recovery(), r.note(), applied == null ? null : applied || r.applied()));
        }
        return out;
    }
}
