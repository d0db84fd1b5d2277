package io.payops.domain;

/** A fault in the running world, with its id (scenario faults f1, f2...; chaos faults chaos-N) and how strongly it acts now. */
public record ActiveFault(String id, FaultSpec spec, double intensity) {
}
