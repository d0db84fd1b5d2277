package io.payops.domain;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * How a request for approval left the pending list, carried once by the frame of the tick it left: approved or
 * rejected (by whom), expired unanswered, or withdrawn because the agent took the action itself. {@code reason} says
 * what came of it in words a person reads ("the guardrails now let it act alone: …", "approved by operator but not
 * applied: …"); {@code request} is the request as it was raised. Without this a request just vanished from the
 * pending list and the views had to guess why.
 *
 * @param by who ended it: the answerer's name as {@link Decider#text()}, {@code expiry}, or {@value #AGENT}
 */
public record ApprovalEnd(ApprovalRequest request, Kind kind, String by, long atMillis, String reason) {
    /** Who withdraws a request: the agent itself. */
    public static final String AGENT = "agent";

    /** The four ways out of the pending list. */
    public enum Kind {
        APPROVED, REJECTED, EXPIRED, WITHDRAWN;

        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public long actionId() {
        return request.actionId();
    }
}
