package io.payops.report;

import java.util.Locale;

/** The short readable summary `ingest` prints. */
public final class IngestSummary {
    private IngestSummary() {
    }

    public static String format(IngestReport r) {
        IngestInput in = r.input();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s (%s): %,d lines, %,d events, %,d bad; %d s of traffic (%s to %s) read in %d ms%n",
                in.file(), in.format(), in.lines(), in.events(), in.badLines(), r.simulatedSeconds(),
                orDash(in.firstEventAt()), orDash(in.lastEventAt()), r.wallMillis()));
        if (in.outOfOrder() > 0 || in.late() > 0 || in.gapsSkipped() > 0) {
            b.append(String.format(Locale.ROOT, "out of order %,d (late, dropped: %,d)  gaps skipped %d%n",
                    in.outOfOrder(), in.late(), in.gapsSkipped()));
        }
        b.append(String.format(Locale.ROOT, "payments %,d  attempts %,d (%.2f per payment)  success %.2f%%%n",
                r.payments(), r.attempts(), r.attemptsPerPayment(), r.successRate() * 100));
        b.append("world: ").append(r.world()).append('\n');
        if (r.incidents().isEmpty()) {
            b.append("incidents: none\n");
        }
        for (IngestIncident i : r.incidents()) {
            b.append(String.format(Locale.ROOT, "incident %s on %s: detected at %s s (%s), ended %s, routing change recommended %s%n",
                    i.diagnosis(), i.target(), i.detectedAtSecond(), i.detectedAt(), RunSummary.orDash(i.endSecond()),
                    RunSummary.orDash(i.recommendedAtSecond())));
        }
        for (IngestStanding c : r.standingConditions()) {
            b.append(String.format(Locale.ROOT, "standing condition on %s: %.1f%% technical failures against %.1f%% on the "
                            + "rest of its dimension, from %s s%s%n", c.target(), c.technicalRate() * 100,
                    c.siblingsRate() * 100, c.firstSeenSecond(),
                    c.lastSeenSecond() == null ? " to the end" : " to " + c.lastSeenSecond() + " s"));
        }
        long applied = r.actions().stream().filter(a -> Boolean.TRUE.equals(a.applied())).count();
        b.append(String.format(Locale.ROOT, "recommendations %d (%s)  rollbacks %d  approvals requested %d%n",
                r.actions().size(), applied == 0 ? "not applied: open loop"
                        : applied + " applied by the router, which acknowledged them", r.rollbacks(),
                r.approvalsRequested()));
        RunSummary.actions(b, r.actions());
        RunSummary.llm(b, r.llm());
        return b.toString();
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }
}
