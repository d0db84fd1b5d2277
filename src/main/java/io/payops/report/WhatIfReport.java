package io.payops.report;

import java.util.List;

/**
 * The result of a what-if: the settings it ran with, a summary and one row per agent cycle (recorded or what-if).
 * Plain records, written as JSON with {@code io.payops.common.Json}.
 */
public record WhatIfReport(WhatIfSettings settings, Summary summary, List<WhatIfRow> rows) {

    public WhatIfReport {
        rows = List.copyOf(rows);
    }

    /**
     * @param frames               frames read from the session
     * @param cyclesCompared       rows: moments where the recorded agent, the what-if agent, or both ran a cycle
     * @param differing            rows whose decisions differ
     * @param recordedActions      routing changes the recorded agent executed (each action once)
     * @param whatIfActions        routing changes the what-if agent executed
     * @param firstDifferenceMillis simulated time of the first differing row; null when none differ
     * @param routingDivergedMillis first frame whose what-if routing is not the recorded routing; null when it
     *                             always matched. After it the what-if agent reasons about routing the traffic
     *                             never saw (open loop).
     * @param approvalsApplied     recorded operator decisions the what-if agent could apply
     * @param approvalsNotApplied  recorded operator decisions naming a request the what-if agent did not have pending
     */
    public record Summary(long frames, int cyclesCompared, int differing, int recordedActions, int whatIfActions,
                          Long firstDifferenceMillis, Long routingDivergedMillis, int approvalsApplied,
                          int approvalsNotApplied) {
    }
}
