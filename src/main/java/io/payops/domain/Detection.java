package io.payops.domain;

/** A policy's statement, at one moment, that it sees a specific problem on a target. */
public record Detection(long atMillis, Diagnosis diagnosis, Target target, double confidence) {
}
