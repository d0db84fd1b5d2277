package io.payops.connect.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.payops.domain.RetryPolicy;
import io.payops.domain.Target;

import java.util.Map;

/**
 * The part of the routing a change touched, before or after it: the gateway weights (a traffic shift), one circuit's
 * state (opening or closing a circuit) or the retry policy; the other parts are left out.
 *
 * @param circuitState {@code open}, {@code half_open} (probing) or {@code closed}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoutingPart(Map<String, Double> weights, Target circuit, String circuitState, RetryPolicy retryPolicy) {
}
