package io.payops.connect.alertmanager;

import io.payops.connect.ConnectorSession;
import io.payops.domain.ActionRecord;
import io.payops.domain.ApprovalRequest;
import io.payops.domain.Diagnosis;
import io.payops.domain.Incident;
import io.payops.domain.Target;
import io.payops.domain.TicketAction;
import io.payops.domain.TicketActionType;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an alert says: its labels (identity, and what a team routes and groups on) and annotations (what a person
 * reads), built from an incident, an approval request, a support-ticket escalation or a rollback of one session.
 */
final class AlertFactory {
    static final String INCIDENT = "PayOpsIncident";
    static final String APPROVAL = "PayOpsApprovalNeeded";
    static final String ROLLBACK = "PayOpsRollback";

    /** Our keys for the alerts (the prefix and the id of what they stand for): "incident-1", "approval-3". */
    static final String INCIDENT_KEY = "incident-";
    static final String APPROVAL_KEY = "approval-";
    static final String ESCALATION_KEY = "escalation-";
    static final String ROLLBACK_KEY = "rollback-";

    /**
     * Longest annotation text. The agent's explanation of a busy cycle runs to many sentences; a page is read on a
     * phone and receivers (chat, pager) cut long texts anyway, while the whole reasoning stays in the console.
     */
    static final int MAX_ANNOTATION_CHARS = 4_000;

    private final ConnectorSession session;

    AlertFactory(ConnectorSession session) {
        this.session = session;
    }

    PayOpsAlert incident(Incident i, List<String> explanation, long simMillis, Instant now) {
        Map<String, String> labels = common(INCIDENT, severity(i.diagnosis()));
        labels.put("diagnosis", i.diagnosis().key());
        labels.putAll(dimensions(i.target()));
        labels.put("incident", Long.toString(i.id()));
        Map<String, String> notes = notes(simMillis);
        notes.put("summary", String.format(Locale.ROOT, "%s on %s (confidence %.2f)", words(i.diagnosis()),
                i.target(), i.confidence()));
        notes.put("description", text(explanation));
        return new PayOpsAlert(INCIDENT_KEY + i.id(), labels, notes, now, null, generatorUrl(simMillis));
    }

    /** @param related the open incident the requested action is about, or null */
    PayOpsAlert approval(ApprovalRequest r, Incident related, long simMillis, Instant now) {
        // a person must answer before it expires; a wrong answer costs payments either way, so it pages like a warning
        Map<String, String> labels = common(APPROVAL, "warning");
        if (r.diagnosis() != null) {
            labels.put("diagnosis", r.diagnosis().key());
        }
        labels.putAll(dimensions(r.action().target()));
        labels.put("action", r.action().type().key());
        labels.put("request", Long.toString(r.actionId()));
        if (related != null) {
            labels.put("incident", Long.toString(related.id()));
        }
        Map<String, String> notes = notes(simMillis);
        notes.put("summary", "Approval needed: " + r.action().describe() + " (expires at t=" + seconds(r.expiresAtMillis())
                + " s)");
        notes.put("description", text(List.of(r.why(), because(r.approvalReasons()))));
        notes.put("expires_session_second", seconds(r.expiresAtMillis()));
        return new PayOpsAlert(APPROVAL_KEY + r.actionId(), labels, notes, now, null, generatorUrl(simMillis));
    }

    PayOpsAlert escalation(TicketAction t, long simMillis, Instant now) {
        // a P0 escalation says the platform is broken for merchants now; an engineering escalation can wait for hours
        Map<String, String> labels = common(APPROVAL, t.type() == TicketActionType.P0_ESCALATION ? "critical" : "warning");
        labels.put("action", t.type().key());
        labels.put("request", Long.toString(t.id()));
        String cause = t.rootCause() == null ? "unknown" : t.rootCause().key();
        labels.put("root_cause", cause);
        labels.put("ticket_cluster", t.clusterId());
        Map<String, String> notes = notes(simMillis);
        notes.put("summary", "Approval needed: " + t.type().key() + " for support-ticket cluster " + t.clusterId() + " ("
                + cause + ", " + t.merchants().size() + " merchants)");
        notes.put("description", text(List.of(t.why(), because(t.approvalReasons()))));
        notes.put("merchants", text(List.of(String.join(", ", t.merchants()))));
        if (t.expiresAtMillis() != null) {
            notes.put("expires_session_second", seconds(t.expiresAtMillis()));
        }
        return new PayOpsAlert(ESCALATION_KEY + t.id(), labels, notes, now, null, generatorUrl(simMillis));
    }

    /** @param related the open incident the rolled-back action was for, or null */
    PayOpsAlert rollback(ActionRecord a, Incident related, List<String> explanation, long simMillis, Instant now) {
        // the agent undid its own change because it hurt: nothing is left to do, but someone should know
        Map<String, String> labels = common(ROLLBACK, "warning");
        if (related != null) {
            labels.put("diagnosis", related.diagnosis().key());
            labels.put("incident", Long.toString(related.id()));
        }
        labels.putAll(dimensions(a.action().target()));
        labels.put("action", a.action().type().key());
        labels.put("action_id", Long.toString(a.id()));
        Map<String, String> notes = notes(simMillis);
        notes.put("summary", "Rolled back: " + a.action().describe());
        List<String> sentences = new java.util.ArrayList<>();
        if (a.note() != null) {
            sentences.add(a.note());
        }
        sentences.addAll(explanation);
        notes.put("description", text(sentences));
        return new PayOpsAlert(ROLLBACK_KEY + a.id(), labels, notes, now, null, generatorUrl(simMillis));
    }

    /**
     * {@code payops://session/<id>?t=<second>}: the console has no web page to link to, and a file URL would name
     * one machine's folder; this names the recording ({@code state/sessions/<id>}, which {@code payops replay} opens)
     * and the simulated second the alert began, the same on every host and in every re-post. A scheme of our own also
     * keeps a browser from fetching it.
     */
    String generatorUrl(long simMillis) {
        return "payops://session/" + URLEncoder.encode(session.sessionId(), StandardCharsets.UTF_8).replace("+", "%20")
                + "?t=" + seconds(simMillis);
    }

    /** The page a team routes on: critical when payments fail now, warning when slow, info when nothing is broken. */
    static String severity(Diagnosis d) {
        return switch (d) {
            case GATEWAY_OUTAGE, ISSUER_DEGRADATION, NETWORK_ERRORS, BROAD_DEGRADATION, RETRY_STORM -> "critical";
            case LATENCY_SPIKE -> "warning";
            // customers declining: no routing or engineering fixes it; the business wants to know
            case USER_DECLINES, NORMAL_VARIANCE, INSUFFICIENT_DATA -> "info";
        };
    }

    static String seconds(long simMillis) {
        return Long.toString(simMillis / 1000);
    }

    private Map<String, String> common(String alertname, String severity) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", alertname);
        labels.put("severity", severity);
        labels.put("session", session.sessionId());
        return labels;
    }

    private Map<String, String> notes(long simMillis) {
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put("scenario", session.scenario());
        notes.put("session_second", seconds(simMillis));
        notes.put("routing", session.openLoop()
                ? "recommended only: the traffic is an event log, the router is someone else's"
                : "applied to the simulated routing");
        return notes;
    }

    /** gateway/issuer/network/method/merchant as labels, so a route can match on them. */
    private static Map<String, String> dimensions(Target t) {
        Map<String, String> m = new LinkedHashMap<>();
        t.values().forEach((d, v) -> m.put(d.key(), v));
        return m;
    }

    private static String words(Diagnosis d) {
        String w = d.key().replace('_', ' ');
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private static String because(List<String> approvalReasons) {
        return approvalReasons.isEmpty() ? "" : "Needs a person because: " + String.join("; ", approvalReasons) + ".";
    }

    private static String text(List<String> sentences) {
        String s = String.join(" ", sentences.stream().filter(x -> x != null && !x.isBlank()).toList());
        return s.length() <= MAX_ANNOTATION_CHARS ? s : s.substring(0, MAX_ANNOTATION_CHARS - 1) + "…";
    }
}
