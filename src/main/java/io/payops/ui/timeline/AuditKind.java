package io.payops.ui.timeline;

import java.util.Locale;

/**
 * What an audit row records. From an action record (one row per version): an alert action is {@code ALERT}
 * whatever its status; otherwise PENDING → {@code DECISION} (decided, waiting for a human), EXECUTED →
 * {@code EXECUTION} (alone or after approval; later versions carry the measured outcome), APPROVED / REJECTED →
 * {@code APPROVAL}, EXPIRED → {@code EXPIRY}, BLOCKED → {@code BLOCKED}, ROLLED_BACK → {@code ROLLBACK}. From the
 * frame's commands: AddFault / UpdateFault / RemoveFault → {@code CHAOS}, Decide → {@code APPROVAL} (with who),
 * SetRecommendOnly / Pause / SetSpeed → {@code OPERATOR}; each command error → {@code ERROR}. A support-ticket
 * action (one row per version, as audit.jsonl's "ticket_action" lines) → {@code TICKET}. A test payment sent by
 * hand → {@code TEST_PAYMENT} when sent and again when it has its outcome.
 */
public enum AuditKind {
    DECISION, EXECUTION, APPROVAL, ROLLBACK, BLOCKED, EXPIRY, ALERT, CHAOS, OPERATOR, ERROR, TICKET, TEST_PAYMENT;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the kind with this key, or null */
    public static AuditKind fromKey(String key) {
        for (AuditKind k : values()) {
            if (k.key().equals(key)) {
                return k;
            }
        }
        return null;
    }
}
