package io.payops.report;

import java.util.Locale;

/** The short readable summary `run` prints. */
public final class RunSummary {
    private RunSummary() {
    }

    public static String format(RunReport r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s  seed %d  policy %s: %d s simulated in %d ms%n",
                r.scenario(), r.seed(), r.policy(), r.simulatedSeconds(), r.wallMillis()));
        b.append(String.format(Locale.ROOT, "payments %,d  attempts %,d (%.2f per payment)  success %.2f%%  excess failures %.1f%n",
                r.payments(), r.attempts(), r.attemptsPerPayment(), r.successRate() * 100, r.excessFailures()));
        if (r.incidents().isEmpty()) {
            b.append("incidents: none\n");
        }
        for (IncidentReport i : r.incidents()) {
            b.append(String.format(Locale.ROOT, "incident %s on %s, %s-%s s: detected %s, mitigated %s%s%n",
                    i.fault(), i.target(), i.startSecond(), i.endSecond(), orDash(i.detectedAtSecond()),
                    orDash(i.mitigatedAtSecond()),
                    i.diagnosis() == null ? "" : ", diagnosed " + i.diagnosis() + " on " + i.diagnosisTarget()));
        }
        b.append(String.format(Locale.ROOT, "actions %d  false actions %d  rollbacks %d  approvals requested %d%n",
                r.actions().size(), r.falseActions(), r.rollbacks(), r.approvalsRequested()));
        actions(b, r.actions());
        llm(b, r.llm());
        tickets(b, r.tickets());
        return b.toString();
    }

    static void actions(StringBuilder b, java.util.List<ActionReport> actions) {
        for (ActionReport a : actions) {
            // a recovery record carries the change it undoes; closing a circuit says so itself, a restore does not
            String what = a.recovery() && !"close_circuit".equals(a.type()) ? "undo " + a.detail() : a.detail();
            b.append(String.format(Locale.ROOT, "  at %s s: %s [%s, approval %s, outcome %s]%n",
                    a.atSecond(), what, a.status(), a.approval(), a.outcome()));
        }
    }

    static void tickets(StringBuilder b, io.payops.tickets.TicketsReport t) {
        if (t == null) {
            return;
        }
        b.append(String.format(Locale.ROOT, "tickets %d (%d in clusters)  clusters %d  ticket actions %d  approvals "
                        + "requested %d (approved %d, rejected %d, expired %d, pending %d)%n",
                t.tickets(), t.clusteredTickets(), t.clusters().size(), t.actions().size(), t.approvalsRequested(),
                t.approvalsApproved(), t.approvalsRejected(), t.approvalsExpired(), t.approvalsPending()));
        for (var c : t.clusters()) {
            b.append(String.format(Locale.ROOT, "  cluster %s %s: %s, %d merchants, %d tickets%s%n", c.id(),
                    c.signature(), c.rootCause(), c.merchants().size(), c.tickets(),
                    c.linkedIncidentId() == null ? "" : ", linked to payment incident " + c.linkedIncidentId()));
        }
        for (var a : t.actions()) {
            b.append(String.format(Locale.ROOT, "  at %.0f s: %s on %s [%s, approval %s]%n", a.atSecond(), a.type(),
                    a.clusterId(), a.status(), a.approval()));
        }
    }

    static void llm(StringBuilder b, LlmUsage l) {
        if (l != null) {
            b.append(String.format(Locale.ROOT, "llm %s %s: asked %d, used %d, fell back %d%s; not asked %d; "
                            + "tokens %,d in + %,d out; latency p50 %d ms, p95 %d ms%n",
                    l.provider(), l.model(), l.asked(), l.used(), l.fallbacks(),
                    l.fallbackReasons().isEmpty() ? "" : " " + new java.util.TreeMap<>(l.fallbackReasons()),
                    l.skipped(), l.promptTokens(), l.outputTokens(), l.latencyMillisP50(), l.latencyMillisP95()));
        }
    }

    static String orDash(Number n) {
        return n == null ? "-" : n + " s";
    }
}
