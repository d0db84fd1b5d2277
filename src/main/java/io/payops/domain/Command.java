package io.payops.domain;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Something from outside the engine thread (a chaos slider, approve/reject). Queued, applied at the next tick
 * boundary and recorded in that tick's frame so a replay reproduces it. Recorded frames name each one by the
 * {@code command} property, e.g. {@code {"command":"decide","actionId":3,"approve":true,"who":"operator"}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "command")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Command.AddFault.class, name = "add_fault"),
        @JsonSubTypes.Type(value = Command.UpdateFault.class, name = "update_fault"),
        @JsonSubTypes.Type(value = Command.RemoveFault.class, name = "remove_fault"),
        @JsonSubTypes.Type(value = Command.Decide.class, name = "decide"),
        @JsonSubTypes.Type(value = Command.SetRecommendOnly.class, name = "set_recommend_only"),
        @JsonSubTypes.Type(value = Command.Pause.class, name = "pause"),
        @JsonSubTypes.Type(value = Command.SetSpeed.class, name = "set_speed"),
        @JsonSubTypes.Type(value = Command.SendTestPayment.class, name = "send_test_payment"),
        @JsonSubTypes.Type(value = Command.RoutingDelivered.class, name = "routing_delivered")})
public sealed interface Command {
    /**
     * Injects a fault; its startSecond is taken as now when {@code startNow} is set. {@code faultId} names it
     * (so the chaos panel can change or remove it later); null lets the engine number it chaos-N.
     */
    record AddFault(FaultSpec spec, boolean startNow, String faultId) implements Command {
        public AddFault(FaultSpec spec, boolean startNow) {
            this(spec, startNow, null);
        }
    }

    record UpdateFault(String faultId, FaultSpec spec) implements Command {
    }

    record RemoveFault(String faultId) implements Command {
    }

    /** An operator's answer to a pending approval request. */
    record Decide(long actionId, boolean approve, String who) implements Command {
    }

    /** The agent's mode: autonomous within guardrails, or recommend only (every routing change waits for a human). */
    record SetRecommendOnly(boolean recommendOnly) implements Command {
    }

    /** Live pacing, applied by the engine's {@code LiveRunner} and recorded here so a replay shows when it happened. */
    record Pause(boolean paused) implements Command {
    }

    /** Live pacing: simulated seconds per wall second. Recorded like {@link Pause}. */
    record SetSpeed(double speed) implements Command {
    }

    /**
     * One payment sent by hand through the live routing, retries and circuits (the demo checkout). {@code testId}
     * names it so the sender can find it in later frames ({@link Frame#testPayments()}); null lets the engine number
     * it test-N. Refused over an event log, whose payments have already happened.
     */
    record SendTestPayment(String testId, String merchant, String method, String issuer, String network,
                           double amount) implements Command {
    }

    /**
     * The real router acknowledged (2xx) a routing change the console sent it (issue #19, "Routing out"): over an
     * event log or a topic the change was only a recommendation until then. Applied at the next tick like any command,
     * so the action record's {@code applied} flag is recorded and a replay shows it. {@code status} is the action
     * status whose change was delivered ({@code executed}, or {@code rolled_back} for its rollback) and
     * {@code idempotencyKey} the key the delivery carried, so the audit ties the two together. Refused over the
     * simulator, which applies routing itself.
     */
    record RoutingDelivered(long actionId, String status, String idempotencyKey) implements Command {
    }
}
