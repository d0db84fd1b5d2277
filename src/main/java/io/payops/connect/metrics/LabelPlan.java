package io.payops.connect.metrics;

import io.payops.observe.Observer;
import io.payops.sim.GatewayProfile;
import io.payops.sim.Share;
import io.payops.sim.World;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Which gateway and issuer values get a label of their own; every other value is folded into {@link #OTHER}. A
 * Prometheus series lives as long as its label values, so a label fed from the traffic (an event log's issuers can
 * run to thousands) must be bounded: the world's largest values by traffic share keep their names, the rest, and any
 * value the world does not know (a log's issuer first seen after its head), share one series.
 *
 * @param gateways the gateways kept, largest weight first
 * @param issuers  the issuers kept, largest share first
 */
public record LabelPlan(Set<String> gateways, Set<String> issuers) {
    /** The label value of everything folded; the observer's own name for what it folds, so the two read alike. */
    public static final String OTHER = Observer.OTHER;
    /**
     * Gateways with a label of their own. A merchant routes over a handful of PSPs (four in our world); 12 leaves room
     * for a large one and keeps the gateway × issuer series at most (12 + 1) × (20 + 1) = 273 per metric.
     */
    public static final int MAX_GATEWAYS = 12;
    /**
     * Issuers with a label of their own. In card traffic the top 20 issuers carry most payments; the long tail is
     * read better as one "(other)" series than as hundreds of sparse ones whose ratios are noise.
     */
    public static final int MAX_ISSUERS = 20;

    public LabelPlan {
        gateways = Set.copyOf(gateways);
        issuers = Set.copyOf(issuers);
    }

    public static LabelPlan of(World world) {
        return new LabelPlan(largest(world.gateways(), GatewayProfile::weight, GatewayProfile::name, MAX_GATEWAYS),
                largest(world.issuers(), Share::share, Share::name, MAX_ISSUERS));
    }

    private static <T> Set<String> largest(List<T> values, ToDoubleFunction<T> weight,
                                           java.util.function.Function<T, String> name, int cap) {
        Set<String> kept = new LinkedHashSet<>();
        values.stream()
                .sorted(Comparator.comparingDouble(weight).reversed().thenComparing(name))
                .limit(cap)
                .forEach(v -> kept.add(name.apply(v)));
        return kept;
    }

    public String gateway(String value) {
        return gateways.contains(value) ? value : OTHER;
    }

    public String issuer(String value) {
        return issuers.contains(value) ? value : OTHER;
    }
}
