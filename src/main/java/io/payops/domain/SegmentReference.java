package io.payops.domain;

/**
 * What normal looks like for one segment, as the detector holds it: the reference it tests the segment's traffic
 * against (its success rate as a share of attempts, and its p95 latency in ms, NaN while not learnt), and whether
 * that reference is {@code held} now, frozen while the segment or one containing it is in alarm so trouble never
 * becomes the new normal. The console's baselines show these numbers, so the tiles and the agent agree on "normal".
 */
public record SegmentReference(Target target, double successRate, double p95Ms, boolean held) {
}
