package io.payops.domain;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * What the triage can do about a cluster, with its risk. Sending a guide or updating the docs reaches only the
 * merchants who asked and is easily taken back, so it runs alone; escalations page people and cost their time, so a
 * human approves them first.
 */
public enum TicketActionType {
    SEND_CONFIGURATION_GUIDE(false),
    UPDATE_DOCS(false),
    ESCALATE_ENGINEERING(true),
    P0_ESCALATION(true);

    private final boolean needsApproval;

    TicketActionType(boolean needsApproval) {
        this.needsApproval = needsApproval;
    }

    public boolean needsApproval() {
        return needsApproval;
    }

    /** "low" for the actions that run alone, "high" for those a human approves. */
    public String risk() {
        return needsApproval ? "high" : "low";
    }

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
