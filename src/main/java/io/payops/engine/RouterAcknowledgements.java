package io.payops.engine;

import io.payops.common.BoundedMaps;
import io.payops.domain.ActionRecord;
import io.payops.domain.ActionStatus;
import io.payops.domain.Command;
import io.payops.domain.PolicyStep;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Closing the loop over an event log or a topic (issue #19, "Routing out"): which routing changes the real router
 * acknowledged, and the action records that say so ({@link ActionRecord#applied()}). An acknowledgement comes as a
 * {@link Command.RoutingDelivered} applied at a tick boundary, so it is recorded and a replay shows the same flags;
 * the policy never hears of it (it decided the change; whether the router took it is the engine's to publish). Every
 * later version of an acknowledged record with the same status keeps the flag; a new status (a rollback) is a new
 * change that waits for its own acknowledgement. Without such a command nothing here changes a step, so runs without
 * a routing webhook stay byte-for-byte as they were. Owned by the engine thread.
 */
final class RouterAcknowledgements {
    /**
     * Routing changes remembered for an acknowledgement to find. A router answers within seconds, and a session makes
     * a handful of changes an hour: a thousand reaches far further back than any delivery's retries, while bounding
     * what a console left open for weeks keeps.
     */
    static final int TRACKED = 1_000;

    /** The latest version of each routing change, by action id, oldest first. */
    private final Map<Long, ActionRecord> latest = BoundedMaps.keepingNewest(TRACKED);
    /** The status whose change the router acknowledged, by action id. */
    private final Map<Long, ActionStatus> acknowledged = BoundedMaps.keepingNewest(TRACKED);
    /** Acknowledged this tick: published again, marked, in this tick's frame. */
    private final Set<Long> toPublish = new LinkedHashSet<>();

    /**
     * @param simulated whether the engine runs the simulator, which applies routing itself
     * @return why the acknowledgement was refused, or null when it was taken (or was already)
     */
    String acknowledge(Command.RoutingDelivered d, boolean simulated) {
        String refused = "RoutingDelivered refused: ";
        if (simulated) {
            return refused + "the simulator applies routing itself; only the recommendations made over an event log "
                    + "or a topic wait for the router";
        }
        ActionRecord r = latest.get(d.actionId());
        if (r == null) {
            return refused + "no routing change #" + d.actionId() + " in this session";
        }
        if (!r.status().key().equals(d.status())) {
            return refused + "routing change #" + d.actionId() + " is " + r.status().key() + " now, not "
                    + d.status() + ": the change the router took is no longer the latest";
        }
        if (!r.applied()) {
            acknowledged.put(d.actionId(), r.status());
            toPublish.add(d.actionId());
        }
        return null;
    }

    /** The policy's step, each acknowledged routing change marked applied, plus those acknowledged this tick. */
    PolicyStep stamp(PolicyStep step, long nowMillis) {
        List<ActionRecord> out = null;
        List<ActionRecord> records = step.actions();
        for (int i = 0; i < records.size(); i++) {
            ActionRecord r = records.get(i);
            if (!r.action().type().changesRouting()) {
                continue;
            }
            if (!r.applied() && acknowledged.get(r.id()) == r.status()) {
                r = r.withApplied(r.updatedAtMillis());
                if (out == null) {
                    out = new ArrayList<>(records);
                }
                out.set(i, r);
            }
            latest.remove(r.id());
            latest.put(r.id(), r);
            if (r.applied()) {
                toPublish.remove(r.id());
            }
        }
        for (Long id : toPublish) {
            ActionRecord r = latest.get(id);
            if (r != null && !r.applied()) {
                r = r.withApplied(nowMillis);
                latest.put(id, r);
                if (out == null) {
                    out = new ArrayList<>(records);
                }
                out.add(r);
            }
        }
        toPublish.clear();
        return out == null ? step : step.withActions(out);
    }
}
