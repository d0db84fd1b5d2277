package io.payops.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.payops.domain.RetryPolicy;
import io.payops.domain.RoutingState;
import io.payops.domain.Target;

import java.util.List;
import java.util.Map;

/** Routing at the end of a run, as the report shows it. */
@JsonPropertyOrder({"weights", "openCircuits", "halfOpenCircuits", "retryPolicy"})
public record FinalRouting(Map<String, Double> weights, List<Target> openCircuits, List<Target> halfOpenCircuits,
                           RetryPolicy retryPolicy) {
    public static FinalRouting of(RoutingState s) {
        return new FinalRouting(s.weights(), s.openCircuits(), s.halfOpenCircuits(), s.retryPolicy());
    }
}
