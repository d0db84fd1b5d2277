package io.payops.sim;

import io.payops.domain.ActiveFault;
import io.payops.domain.Target;

import java.util.Collection;
import java.util.List;

/**
 * The simulated world's truth, read-only, for a policy that {@code readsGroundTruth()} (the oracle); the engine
 * gives every other policy, and every run over an event log, {@link #NONE}.
 *
 * <p>It knows the faults of the tick just run and of the next one, and weighs a routing by its <em>expected
 * success</em>: the share of payments that will eventually succeed under the next tick's faults, each payment path
 * (issuer × network × method × merchant) counted by its share of traffic ({@link PaymentMix}) and by the probability
 * that a payment on it succeeds, retries included ({@link AttemptModel#paymentSuccess}): the figure the excess
 * ledger scores every payment by. It is exact, not sampled. Times the arrival rate it is successful payments per
 * second; the rate does not depend on routing, so comparing routings needs only the share.
 *
 * <p>Routings are given as the set of open circuits, over the weights, half-open circuits and retry policy in force.
 * Each question costs one pass over the paths, so ask when {@link #version()} changes, not every tick.
 */
public final class GroundTruth {
    /** What a policy that may not read the truth, or a run over an event log, gets: no faults, nothing to weigh. */
    public static final GroundTruth NONE = new GroundTruth(null, null, null, null);

    private static final FaultBook.LiveFault[] NO_FAULTS = new FaultBook.LiveFault[0];

    private final AttemptModel model;
    private final FaultBook faults;
    private final Routing routing;
    private final SimClock clock;
    private final PaymentMix mix;
    private final double[] scratch = new double[2];
    private FaultBook.LiveFault[] ahead = NO_FAULTS;
    private long aheadAtMillis = -1;
    private long aheadBookVersion = -1;
    private long version;

    GroundTruth(AttemptModel model, FaultBook faults, Routing routing, SimClock clock) {
        this.model = model;
        this.faults = faults;
        this.routing = routing;
        this.clock = clock;
        this.mix = model == null ? null : new PaymentMix(model.world());
    }

    /** False for {@link #NONE}: no faults are known and no routing can be weighed. */
    public boolean known() {
        return model != null;
    }

    /** The faults that acted during the tick just run, as the engine's frame shows them. */
    public List<ActiveFault> activeFaults() {
        return known() ? faults.active() : List.of();
    }

    /**
     * The faults that will act during the next tick, with their intensities then: the ones every expectation here
     * is taken under. The engine asks its policy after a tick, and what the policy changes acts on the next tick,
     * whose faults the simulator fixes as it starts; weighing routings under the tick just run would keep a circuit
     * a tick past its fault's end and weigh a ramp at last tick's strength.
     */
    public List<ActiveFault> nextTickFaults() {
        return FaultBook.asActive(ahead());
    }

    /**
     * Changes whenever {@link #activeFaults()} or {@link #nextTickFaults()} does: a fault starts, ends, ramps up, or
     * is added, edited or removed.
     */
    public long version() {
        ahead();
        return version;
    }

    /** Expected success under the routing in force. */
    public double expectedSuccess() {
        return expectedSuccess(routing.state().openCircuits());
    }

    /**
     * Expected success (0..1) were exactly these circuits open. A path they would leave with no route counts as
     * failing; {@link Routing} would refuse such circuits anyway ({@link #strands}).
     */
    public double expectedSuccess(Collection<Target> openCircuits) {
        requireKnown();
        List<Target> open = List.copyOf(openCircuits);
        FaultBook.LiveFault[] live = ahead();
        int maxRetries = routing.retryPolicy().maxRetries();
        World w = model.world();
        double total = 0;
        for (int i = 0; i < w.issuers().size(); i++) {
            for (int n = 0; n < w.networks().size(); n++) {
                for (int m = 0; m < w.methods().size(); m++) {
                    for (int c = 0; c < w.merchants().size(); c++) {
                        double share = mix.share(i, n, m, c);
                        if (share > 0) {
                            double[] route = routing.routeProbabilitiesWith(open, i, n, m, c);
                            total += share * model.paymentSuccess(route, i, n, m, c, live, maxRetries, scratch);
                        }
                    }
                }
            }
        }
        return total;
    }

    /** Whether exactly these open circuits would leave some payment path with no route. */
    public boolean strands(Collection<Target> openCircuits) {
        requireKnown();
        return routing.wouldStrandWith(List.copyOf(openCircuits));
    }

    /**
     * The faults of the next tick, recomputed only when time has moved or the fault book changed (a fault became
     * active or inactive, ramped, or was added, edited or removed).
     */
    private FaultBook.LiveFault[] ahead() {
        if (!known()) {
            return NO_FAULTS;
        }
        long now = clock.nowMillis();
        boolean bookChanged = faults.version() != aheadBookVersion;
        if (now != aheadAtMillis || bookChanged) {
            FaultBook.LiveFault[] next = faults.liveAt(clock.nowSeconds());
            if (bookChanged || !java.util.Arrays.equals(next, ahead)) {
                version++;
            }
            ahead = next;
            aheadAtMillis = now;
            aheadBookVersion = faults.version();
        }
        return ahead;
    }

    private void requireKnown() {
        if (!known()) {
            throw new IllegalStateException(
                    "no ground truth here: only a policy that reads it, over simulated traffic, gets it");
        }
    }
}
