package io.payops.domain;

/**
 * A segment far worse than its siblings as a rule, not since a moment ago: its normal technical failure rate (its
 * reference) against the pooled rate of the other values of its dimension. Reported beside incidents, since there
 * is no onset to react to: it has been so since it was first seen, perhaps since the first second of a log.
 *
 * @param technicalRate  the segment's normal share of technical failures
 * @param siblingsRate   the same share over the other values of its dimension
 * @param attempts       attempts its reference holds
 * @param sinceMillis    when it was first seen so
 */
public record StandingCondition(Target target, double technicalRate, double siblingsRate, long attempts,
                                long sinceMillis) {
}
