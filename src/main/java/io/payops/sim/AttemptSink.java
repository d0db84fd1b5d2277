package io.payops.sim;

import io.payops.domain.Attempt;

/** Where the simulator sends each attempt as it completes (the observer, an exporter, a test). */
@FunctionalInterface
public interface AttemptSink {
    void accept(Attempt attempt);
}
