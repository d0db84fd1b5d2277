package io.payops.sim;

/**
 * Expected failed payments beyond a fault-free reference (DESIGN §5.3). For each payment it compares the
 * probability that the payment eventually succeeds under the faults and routing of its moment with the probability
 * under no faults, the initial routing and the initial retry policy. Both are exact expectations of the same model
 * the simulator samples from, so the figure has no sampling noise: with no fault and unchanged routing it is 0.
 */
final class ExcessLedger {
    private static final FaultBook.LiveFault[] NO_FAULTS = new FaultBook.LiveFault[0];

    private final AttemptModel model;
    private final Routing routing;
    private final double[] reference;
    private final double[] actualCache;
    private final long[] actualStamp;
    private final int nNetworks;
    private final int nMethods;
    private final int nMerchants;
    private final double[] routeAtStart;
    private final int initialMaxRetries;
    private final double[] scratch = new double[2];
    private final double[] staticCache;
    private final long[] staticStamp;
    private double excess;
    private double staticExcess;
    private double faultExcess;
    private final double[] healthyCache;

    ExcessLedger(AttemptModel model, Routing routing) {
        this.model = model;
        this.routing = routing;
        World w = model.world();
        nNetworks = w.networks().size();
        nMethods = w.methods().size();
        nMerchants = w.merchants().size();
        int size = w.issuers().size() * nNetworks * nMethods * nMerchants;
        reference = new double[size];
        java.util.Arrays.fill(reference, Double.NaN);
        actualCache = new double[size];
        actualStamp = new long[size];
        java.util.Arrays.fill(actualStamp, -1);
        staticCache = new double[size];
        healthyCache = new double[size];
        staticStamp = new long[size];
        java.util.Arrays.fill(staticStamp, -1);
        double total = routing.initialState().totalWeight();
        routeAtStart = w.gateways().stream().mapToDouble(g -> routing.initialState().weights().get(g.name()) / total).toArray();
        initialMaxRetries = routing.initialState().retryPolicy().maxRetries();
    }

    /**
     * Adds one new payment's expected excess failure, under the routing in force and under the routing the run
     * started with; {@code stamp} changes when faults or routing change, {@code faultStamp} when faults do.
     */
    void addPayment(int i, int n, int m, int c, FaultBook.LiveFault[] faults, long stamp, long faultStamp) {
        int key = ((i * nNetworks + n) * nMethods + m) * nMerchants + c;
        double ref = reference[key];
        if (Double.isNaN(ref)) {
            ref = model.paymentSuccess(routeAtStart, i, n, m, c, NO_FAULTS, initialMaxRetries, scratch);
            reference[key] = ref;
        }
        double actual;
        double healthy;
        if (actualStamp[key] == stamp) {
            actual = actualCache[key];
            healthy = healthyCache[key];
        } else {
            double[] route = routing.routeProbabilities(i, n, m, c);
            int retries = routing.retryPolicy().maxRetries();
            actual = model.paymentSuccess(route, i, n, m, c, faults, retries, scratch);
            healthy = faults.length == 0 ? actual : model.paymentSuccess(route, i, n, m, c, NO_FAULTS, retries, scratch);
            actualCache[key] = actual;
            healthyCache[key] = healthy;
            actualStamp[key] = stamp;
        }
        excess += ref - actual;
        faultExcess += healthy - actual;
        if (staticStamp[key] != faultStamp) {
            staticCache[key] = model.paymentSuccess(routeAtStart, i, n, m, c, faults, initialMaxRetries, scratch);
            staticStamp[key] = faultStamp;
        }
        staticExcess += ref - staticCache[key];
    }

    double excess() {
        return excess;
    }

    /**
     * The failures the faults caused under the routing in force: each payment's chance of success with the same
     * routing and no fault, less its chance with the faults. Unlike {@link #excess()}, it leaves out what routing
     * alone gains or costs (moving traffic to a gateway that approves more gains payments even with no fault), so it
     * says how much of the faults' harm a policy prevented rather than how much it arbitraged between gateways.
     */
    double faultExcess() {
        return faultExcess;
    }

    /** The excess failures had routing and the retry policy stayed as they started. */
    double staticExcess() {
        return staticExcess;
    }
}
