package io.payops.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/**
 * Who answered an approval request (its {@code decidedBy}): a person or caller by name, the simulated operator of a
 * headless run under its {@link ApprovalMode} ({@code auto:SECONDS} approves, {@code never} rejects), or the clock
 * when nobody answered in time. Written as text, as it always was: the name, {@code "operator (auto:60)"},
 * {@code "operator (never)"} or {@code "expiry"} (also its {@code toString}, so notes read as before); {@link #parse}
 * reads each back.
 */
public sealed interface Decider {
    /** The clock: the request expired unanswered. */
    Decider EXPIRY = new Expiry();

    /** The text written to frames, state files and reports. */
    @JsonValue
    default String text() {
        if (this instanceof Operator o) {
            return o.name();
        }
        return this instanceof Simulated s ? "operator (" + s.mode() + ")" : "expiry";
    }

    /**
     * How the action record reports the answer: a person's ({@code operator}), the simulated operator's approval
     * ({@code auto}; its rejection counts as the operator's), or {@code none} when the request expired.
     */
    default Approval approval() {
        if (this instanceof Simulated s) {
            return s.mode().kind() == ApprovalMode.Kind.AUTO ? Approval.AUTO : Approval.OPERATOR;
        }
        return this instanceof Expiry ? Approval.NONE : Approval.OPERATOR;
    }

    /** A person, or whatever caller named itself (a command's {@code who}); blank or null names "operator". */
    record Operator(String name) implements Decider {
        public Operator {
            name = name == null || name.isBlank() ? "operator" : name;
        }

        @Override
        public String toString() {
            return text();
        }
    }

    /** The simulated operator of a headless run, answering under {@code mode} (auto or never). */
    record Simulated(ApprovalMode mode) implements Decider {
        public Simulated {
            Objects.requireNonNull(mode, "mode");
            if (mode.kind() == ApprovalMode.Kind.MANUAL) {
                throw new IllegalArgumentException("manual approval has no simulated operator");
            }
        }

        @Override
        public String toString() {
            return text();
        }
    }

    /** Nobody answered before the request expired. */
    record Expiry() implements Decider {
        @Override
        public String toString() {
            return text();
        }
    }

    /** A person or caller by name. */
    static Decider named(String name) {
        return new Operator(name);
    }

    /** The text read back: "expiry", "operator (auto:N)", "operator (never)", else a name. */
    @JsonCreator
    static Decider parse(String text) {
        if ("expiry".equals(text)) {
            return EXPIRY;
        }
        if (text != null && text.startsWith("operator (") && text.endsWith(")")) {
            String mode = text.substring("operator (".length(), text.length() - 1);
            try {
                ApprovalMode m = ApprovalMode.parse(mode);
                if (m.kind() != ApprovalMode.Kind.MANUAL && m.toString().equals(mode)) {
                    return new Simulated(m);
                }
            } catch (IllegalArgumentException e) {
                // a name that only looks like one
            }
        }
        return new Operator(text);
    }
}
