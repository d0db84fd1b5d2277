package io.payops.agent;

import io.payops.domain.Hypothesis;
import io.payops.domain.Incident;
import io.payops.domain.Target;

import java.util.ArrayList;
import java.util.List;

/**
 * Opens an incident when a hypothesis says something is wrong on a target no open incident covers, and closes it
 * once nothing has been seen there for a while and no change made for it is still in force.
 */
final class IncidentTracker {
    /** A routing change in force, as what it answered: the traffic it changed and the diagnosis it was made for. */
    record Change(Target target, io.payops.domain.Diagnosis diagnosis) {
    }

    private final AgentConfig.Incidents limits;
    private final List<Incident> open = new ArrayList<>();
    private final List<Long> lastSeen = new ArrayList<>();
    /** What the reasoner called each open incident's trouble, before it was named for its target's dimension. */
    private final List<io.payops.domain.Diagnosis> said = new ArrayList<>();
    private final List<Incident> closed = new ArrayList<>();
    private long nextId = 1;

    IncidentTracker(AgentConfig.Incidents limits) {
        this.limits = limits;
    }

    /** @return incidents opened by this call */
    List<Incident> observe(List<Hypothesis> hypotheses, long now) {
        List<Incident> opened = new ArrayList<>();
        // the strongest first (the widest of equals), so what else is seen of the same onset in this cycle (its parts,
        // or a weaker reading of it on wider traffic) joins it instead of opening its own
        List<Hypothesis> strongestFirst = new ArrayList<>(hypotheses);
        strongestFirst.sort(java.util.Comparator.comparingDouble(Hypothesis::confidence).reversed()
                .thenComparingInt(h -> h.target().size()));
        for (Hypothesis h : strongestFirst) {
            if (!h.diagnosis().isIncident() || h.confidence() < limits.openConfidence()) {
                continue;
            }
            int i = indexOf(h.target());
            if (i >= 0) {
                lastSeen.set(i, now);
            } else if (coveredByOpen(h, now) < 0) {
                // named as its target reads (no gateway outage on an issuer); matched on what was said
                Incident inc = new Incident(nextId++, h.diagnosis().fitTo(h.target()), h.target(), now, null,
                        h.confidence());
                open.add(inc);
                lastSeen.add(now);
                said.add(h.diagnosis());
                opened.add(inc);
            } else {
                lastSeen.set(coveredByOpen(h, now), now);
            }
        }
        return opened;
    }

    /**
     * Closes incidents that have been quiet for a while and have no change made for them still in force: briefly
     * when their target's own tests say it is back within its reference ({@code healed}), longer otherwise.
     */
    List<Incident> closeQuiet(long now, List<Change> inForce, java.util.function.Predicate<Target> healed) {
        List<Incident> done = new ArrayList<>();
        for (int i = open.size() - 1; i >= 0; i--) {
            Incident inc = open.get(i);
            long quiet = now - lastSeen.get(i);
            boolean over = quiet >= limits.quietSeconds() * 1000L
                    || quiet >= limits.healedSeconds() * 1000L && healed.test(inc.target());
            if (over && !changeMadeFor(i, inForce)) {
                Incident c = new Incident(inc.id(), inc.diagnosis(), inc.target(), inc.openedAtMillis(), now, inc.confidence());
                open.remove(i);
                lastSeen.remove(i);
                said.remove(i);
                closed.add(c);
                done.add(c);
            }
        }
        return done;
    }

    /**
     * Whether a change in force was made for an open incident: one answering what was said of it, on its traffic,
     * a part of it, or traffic containing it (a circuit on one path of an outage, a shift off the gateway of a path's
     * outage). Merely sharing traffic is not enough: a calmer retry policy on all traffic for a retry storm, or a
     * shift off a gateway, touches every issuer's payments, and held every other trouble open until it was undone,
     * long after that trouble ended.
     */
    private boolean changeMadeFor(int i, List<Change> inForce) {
        Target t = open.get(i).target();
        for (Change c : inForce) {
            if (c.diagnosis() == said.get(i) && (c.target().within(t) || t.within(c.target()))) {
                return true;
            }
        }
        return false;
    }

    List<Incident> open() {
        return List.copyOf(open);
    }

    private int indexOf(Target t) {
        for (int i = 0; i < open.size(); i++) {
            if (open.get(i).target().equals(t)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * An open incident that already stands for the hypothesis's trouble: one of the same diagnosis on a target
     * containing it or inside it (the same trouble seen wider or narrower), or one on traffic containing it or inside
     * it that opened in this very cycle (a broad fault shows failures and slowness on many of its parts at once, and a
     * path's trouble is also seen, weaker, on its gateway: one onset, one incident). Trouble of another kind that starts later is another trouble and gets its own incident, on
     * narrower traffic too: an outage on one gateway that starts while all traffic is mildly degraded must not be
     * hidden under the degradation's name.
     */
    private int coveredByOpen(Hypothesis h, long now) {
        Target t = h.target();
        for (int i = 0; i < open.size(); i++) {
            Incident o = open.get(i);
            boolean sameTrouble = said.get(i) == h.diagnosis() && (t.within(o.target()) || o.target().within(t));
            boolean partOfOnset = o.openedAtMillis() == now && (t.within(o.target()) || o.target().within(t));
            if (sameTrouble || partOfOnset) {
                return i;
            }
        }
        return -1;
    }
}
