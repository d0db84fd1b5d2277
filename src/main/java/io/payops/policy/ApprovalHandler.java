package io.payops.policy;

/** A policy that raises approval requests and takes a human's answer to them. */
public interface ApprovalHandler {
    /** @return why the answer could not be applied (unknown or no longer pending request), or null when it was */
    String decide(long actionId, boolean approve, String who, long nowMillis);

    /** Recommend only (true): every routing change waits for a human. Autonomous within guardrails (false). */
    void setRecommendOnly(boolean recommendOnly);
}
