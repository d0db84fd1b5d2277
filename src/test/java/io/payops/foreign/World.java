package io.payops.foreign;

import java.util.List;

/** The names of one seed's world; {@link Attempt} points into these lists. Same names in every dialect. */
public record World(List<String> gateways, List<String> issuers, List<String> networks, List<String> methods,
                    List<String> merchants) {

    /** The names along one dimension (not {@link Dim#ALL}). */
    List<String> names(Dim d) {
        return switch (d) {
            case GATEWAY -> gateways;
            case ISSUER -> issuers;
            case NETWORK -> networks;
            case METHOD -> methods;
            case MERCHANT -> merchants;
            case ALL -> List.of("*");
        };
    }
}
