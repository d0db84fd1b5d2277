package io.payops.tickets;

import io.payops.domain.TicketAssignment;
import io.payops.domain.TicketFacts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds patterns across merchants: the same error signature from at least {@code minMerchants} different merchants
 * within the window becomes a cluster; later tickets with that signature join it until it has been quiet for
 * {@code closeAfterMillis}. Tickets not (yet) in a cluster are kept only as long as the window reaches back.
 */
final class ClusterDetector {
    private final TriageSettings settings;
    private final List<TicketFacts> unclustered = new ArrayList<>();
    private final Map<String, ClusterState> openBySignature = new LinkedHashMap<>();
    private int nextClusterNo = 1;

    ClusterDetector(TriageSettings settings) {
        this.settings = settings;
    }

    /** What one tick changed. */
    record Changes(List<ClusterState> formed, Set<ClusterState> grown, List<ClusterState> closed,
                   List<TicketAssignment> assignments) {
    }

    Changes accept(long nowMillis, List<TicketFacts> arrivals) {
        List<ClusterState> formed = new ArrayList<>();
        Set<ClusterState> grown = new LinkedHashSet<>();
        List<TicketAssignment> assignments = new ArrayList<>();
        unclustered.removeIf(t -> t.atMillis() < nowMillis - settings.windowMillis());
        for (TicketFacts t : arrivals) {
            ClusterState open = openBySignature.get(t.signature());
            if (open != null) {
                open.add(t);
                assignments.add(new TicketAssignment(t.id(), open.id));
                if (!formed.contains(open)) {
                    grown.add(open);
                }
                continue;
            }
            unclustered.add(t);
            ClusterState c = formIfPattern(t, nowMillis);
            if (c != null) {
                formed.add(c);
                c.ticketIds.forEach(id -> assignments.add(new TicketAssignment(id, c.id)));
            }
        }
        List<ClusterState> closed = new ArrayList<>();
        for (Iterator<ClusterState> it = openBySignature.values().iterator(); it.hasNext(); ) {
            ClusterState c = it.next();
            if (nowMillis - c.lastSeenMillis >= settings.closeAfterMillis()) {
                c.open = false;
                closed.add(c);
                it.remove();
            }
        }
        return new Changes(formed, grown, closed, assignments);
    }

    List<ClusterState> open() {
        return List.copyOf(openBySignature.values());
    }

    private ClusterState formIfPattern(TicketFacts newest, long nowMillis) {
        List<TicketFacts> same = new ArrayList<>();
        Set<String> merchants = new HashSet<>();
        for (TicketFacts t : unclustered) {
            if (t.signature().equals(newest.signature()) && newest.atMillis() - t.atMillis() <= settings.windowMillis()) {
                same.add(t);
                merchants.add(t.merchant());
            }
        }
        if (merchants.size() < settings.minMerchants()) {
            return null;
        }
        ClusterState c = new ClusterState("C-" + nextClusterNo++, newest.signature(), newest.category(), nowMillis);
        same.sort(java.util.Comparator.comparingLong(TicketFacts::atMillis));
        same.forEach(c::add);
        unclustered.removeAll(same);
        openBySignature.put(c.signature, c);
        return c;
    }
}
