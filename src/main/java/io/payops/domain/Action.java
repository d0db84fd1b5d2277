package io.payops.domain;

/**
 * One proposed or taken action. {@code fraction} is the share of the target gateway's weight to move away
 * (shift_traffic) and is 0 otherwise; {@code retryPolicy} is set only for adjust_retry_policy.
 */
public record Action(ActionType type, Target target, double fraction, RetryPolicy retryPolicy) {

    public static Action noOp() {
        return new Action(ActionType.NO_OP, Target.ALL, 0, null);
    }

    public static Action alert(Target target) {
        return new Action(ActionType.ALERT, target, 0, null);
    }

    public static Action openCircuit(Target path) {
        return new Action(ActionType.OPEN_CIRCUIT, path, 0, null);
    }

    public static Action closeCircuit(Target path) {
        return new Action(ActionType.CLOSE_CIRCUIT, path, 0, null);
    }

    public static Action shiftTraffic(String gateway, double fraction) {
        return new Action(ActionType.SHIFT_TRAFFIC, Target.gateway(gateway), fraction, null);
    }

    public static Action adjustRetryPolicy(Target target, RetryPolicy policy) {
        return new Action(ActionType.ADJUST_RETRY_POLICY, target, 0, policy);
    }

    /** A short readable form for logs and explanations: "open_circuit gateway=razorpay issuer=SBI". */
    public String describe() {
        return switch (type) {
            case SHIFT_TRAFFIC -> String.format(java.util.Locale.ROOT, "shift %.0f%% of %s's traffic away",
                    fraction * 100, target.get(Dimension.GATEWAY));
            case ADJUST_RETRY_POLICY -> "set retries to " + retryPolicy.maxRetries() + " with "
                    + retryPolicy.backoffMillis() + " ms backoff";
            case NO_OP -> "do nothing";
            default -> type.key() + " on " + target;
        };
    }
}
