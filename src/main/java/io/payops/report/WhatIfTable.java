package io.payops.report;


import java.util.Locale;

/**
 * A what-if report as text for the terminal: the settings, the summary and a table of the cycles, by default only
 * those that differ (an hour's session has some 1,800 cycles, nearly all alike when little changed).
 */
public final class WhatIfTable {
    static final int ACTION_WIDTH = 40;
    static final int VERDICT_WIDTH = 14;
    private static final String SAME = "same";

    private WhatIfTable() {
    }

    /** @param allRows every cycle, not only the differing ones */
    public static String format(WhatIfReport report, boolean allRows) {
        StringBuilder b = new StringBuilder();
        b.append("what-if settings: ").append(report.settings().describe()).append('\n');
        b.append("open loop: the recorded snapshots do not react to the what-if agent's routing changes\n");
        b.append(summary(report.summary())).append('\n');
        String aligned = aligned(report);
        if (report.summary().cyclesCompared() == 0 || !allRows && report.summary().differing() == 0) {
            return b.append(aligned.isEmpty() ? "" : aligned + '\n').toString();
        }
        b.append('\n');
        String header = String.format(Locale.ROOT, "%8s  %-" + ACTION_WIDTH + "s %-" + VERDICT_WIDTH + "s  %-"
                + ACTION_WIDTH + "s %-" + VERDICT_WIDTH + "s  %s%n", "t (s)", "recorded action", "verdict",
                "what-if action", "verdict", "difference");
        b.append(header);
        b.append("-".repeat(header.length() - 1)).append('\n');
        for (WhatIfRow r : report.rows()) {
            if (allRows || r.differs()) {
                b.append(String.format(Locale.ROOT, "%8.0f  %-" + ACTION_WIDTH + "s %-" + VERDICT_WIDTH + "s  %-"
                                + ACTION_WIDTH + "s %-" + VERDICT_WIDTH + "s  %s%n", r.atSeconds(),
                        fit(action(r.recorded()), ACTION_WIDTH), fit(verdict(r.recorded()), VERDICT_WIDTH),
                        fit(action(r.whatIf()), ACTION_WIDTH), fit(verdict(r.whatIf()), VERDICT_WIDTH),
                        SAME.equals(r.reason()) ? "" : r.reason()));
            }
        }
        b.append("(* = acted on its own in that cycle)\n");
        if (!aligned.isEmpty()) {
            b.append(aligned).append('\n');
        }
        return b.toString();
    }

    /**
     * How many moments with one agent's cycle only were not counted as differences (neither agent took any action
     * then), or "" when none: the cycles are aligned by time, and a reader comparing row counts should know.
     */
    public static String aligned(WhatIfReport report) {
        long n = report.rows().stream()
                .filter(r -> !r.differs() && (r.recorded() == null || r.whatIf() == null)).count();
        if (n == 0) {
            return "";
        }
        return n + (n == 1 ? " moment" : " moments") + " where only one agent ran a cycle "
                + (n == 1 ? "is" : "are") + " not counted as differing: neither agent took any action then";
    }

    /** One line: "1400 cycles compared, 930 differ (first at 302 s); routing changes: recorded 2, what-if 0 ...". */
    public static String summary(WhatIfReport.Summary s) {
        StringBuilder b = new StringBuilder();
        b.append(s.cyclesCompared()).append(s.cyclesCompared() == 1 ? " cycle" : " cycles").append(" compared over ")
                .append(s.frames()).append(s.frames() == 1 ? " frame, " : " frames, ")
                .append(s.differing()).append(" differ");
        if (s.firstDifferenceMillis() != null) {
            b.append(" (first at ").append(seconds(s.firstDifferenceMillis())).append(')');
        }
        b.append("; routing changes executed: recorded ").append(s.recordedActions()).append(", what-if ")
                .append(s.whatIfActions());
        if (s.routingDivergedMillis() != null) {
            b.append("; routing diverged at ").append(seconds(s.routingDivergedMillis()));
        }
        if (s.approvalsApplied() + s.approvalsNotApplied() > 0) {
            b.append("; operator decisions applied ").append(s.approvalsApplied()).append(", did not apply ")
                    .append(s.approvalsNotApplied());
        }
        return b.toString();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.0f s", millis / 1000.0);
    }

    private static String action(WhatIfRow.Choice c) {
        if (c == null) {
            return "(no cycle)";
        }
        return (c.acted() ? "* " : "") + c.action();
    }

    private static String verdict(WhatIfRow.Choice c) {
        return c == null ? "" : c.verdict();
    }

    /** Cuts a long text to the column, marking the cut, so columns stay aligned. */
    static String fit(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}
