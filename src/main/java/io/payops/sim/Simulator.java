package io.payops.sim;

import io.payops.domain.Attempt;
import io.payops.domain.SimTotals;
import io.payops.domain.Status;
import io.payops.domain.TestPayment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * The closed-loop payment world: payments arrive, pick their attributes, are routed by {@link Routing}, meet the
 * active faults and are retried under the retry policy. Deterministic for a seed. Payment arrivals and attributes
 * come from their own random stream, so every policy sees the same payments; only their fates differ.
 */
public final class Simulator {
    private final Scenario scenario;
    private final World world;
    private final Routing routing;
    private final FaultBook faults;
    private final AttemptModel model;
    private final ExcessLedger ledger;
    private final GroundTruth groundTruth;
    private final TrafficModel traffic;
    private final AttemptSink sink;
    private final SplittableRandom arrivals;
    private final SplittableRandom outcomes;
    private final PaymentAttributes attributes;
    private final PriorityQueue<PendingRetry> retries = new PriorityQueue<>();
    private final int[] latency = new int[1];
    // names by index, so building an attempt is array loads rather than list and record lookups
    private final String[] gatewayNames;
    private final String[] issuerNames;
    private final String[] networkNames;
    private final String[] methodNames;
    private final String[] merchantNames;
    private final String[] currencies;

    private double nextArrivalSecond;
    private long nextPaymentId = 1;
    private long retrySequence;
    private final SimClock clock = new SimClock();
    private long payments;
    private long attempts;
    private long succeeded;
    private long failed;
    private long stampFaultVersion = -1;
    private long stampRoutingVersion = -1;
    private long stamp;
    /**
     * Test payments sent by hand, by payment id. Their ids start at {@link #TEST_IDS} and their draws come from a
     * stream of their own, so the simulated payments keep exactly the ids and fates they have without them.
     */
    private final Map<Long, TestRun> tests = new LinkedHashMap<>();
    private final SplittableRandom testOutcomes;
    private final List<TestPayment> changedTests = new ArrayList<>();
    private long nextTestId = TEST_IDS;
    static final long TEST_IDS = 1L << 62;

    /** A retry waiting for its backoff to pass. Ordered by due time, then by when it was scheduled. */
    private record PendingRetry(long dueMillis, long sequence, long paymentId, int attemptNo, int issuer, int network,
                                int method, int merchant, double amount) implements Comparable<PendingRetry> {
        @Override
        public int compareTo(PendingRetry o) {
            int c = Long.compare(dueMillis, o.dueMillis);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }

    public Simulator(Scenario scenario, Routing routing, AttemptSink sink) {
        this.scenario = scenario;
        this.world = scenario.world();
        this.routing = routing;
        this.sink = sink;
        this.faults = new FaultBook(world, scenario.faults());
        this.model = new AttemptModel(world);
        this.ledger = new ExcessLedger(model, routing);
        this.groundTruth = new GroundTruth(model, faults, routing, clock);
        this.traffic = new TrafficModel(scenario.tps(), scenario.shape(), scenario.shapePeriodSeconds(), scenario.seed());
        this.arrivals = new SplittableRandom(scenario.seed());
        this.outcomes = new SplittableRandom(scenario.seed() * 0x9E3779B97F4A7C15L + 1);
        this.attributes = new PaymentAttributes(world);
        this.gatewayNames = world.gateways().stream().map(GatewayProfile::name).toArray(String[]::new);
        this.issuerNames = world.issuers().stream().map(Share::name).toArray(String[]::new);
        this.networkNames = world.networks().stream().map(Share::name).toArray(String[]::new);
        this.methodNames = world.methods().stream().map(Share::name).toArray(String[]::new);
        this.merchantNames = world.merchants().stream().map(MerchantProfile::name).toArray(String[]::new);
        this.currencies = world.merchants().stream().map(MerchantProfile::currency).toArray(String[]::new);
        this.testOutcomes = new SplittableRandom(scenario.seed() * 0x9E3779B97F4A7C15L + 2);
        this.nextArrivalSecond = traffic.nextArrival(0, arrivals);
        faults.refresh(0);
    }

    public Scenario scenario() {
        return scenario;
    }

    public Routing routing() {
        return routing;
    }

    public FaultBook faults() {
        return faults;
    }

    public long nowMillis() {
        return clock.nowMillis();
    }

    /** The world's truth, for the one policy allowed to read it (the engine decides who gets it). */
    public GroundTruth groundTruth() {
        return groundTruth;
    }

    /** Runs every arrival and retry due before {@code untilMillis}, then sets the clock there. */
    public void advanceTo(long untilMillis) {
        faults.refresh(clock.nowSeconds());
        while (true) {
            long arrivalMillis = (long) (nextArrivalSecond * 1000);
            PendingRetry retry = retries.peek();
            boolean retryFirst = retry != null && retry.dueMillis <= arrivalMillis;
            long next = retryFirst ? retry.dueMillis : arrivalMillis;
            if (next >= untilMillis) {
                break;
            }
            if (retryFirst) {
                retries.poll();
                attempt(retry.paymentId, retry.attemptNo, retry.dueMillis, retry.issuer, retry.network, retry.method,
                        retry.merchant, retry.amount);
            } else {
                newPayment(arrivalMillis);
                nextArrivalSecond = traffic.nextArrival(nextArrivalSecond, arrivals);
            }
        }
        clock.advanceTo(untilMillis);
    }

    private void newPayment(long tsMillis) {
        attributes.draw(arrivals);
        int i = attributes.issuer;
        int n = attributes.network;
        int m = attributes.method;
        int c = attributes.merchant;
        payments++;
        ledger.addPayment(i, n, m, c, faults.live(), currentStamp(), faults.version());
        attempt(nextPaymentId++, 1, tsMillis, i, n, m, c, attributes.amount);
    }

    private void attempt(long paymentId, int attemptNo, long ts, int i, int n, int m, int c, double amount) {
        TestRun test = paymentId >= TEST_IDS ? tests.get(paymentId) : null;
        SplittableRandom rnd = test == null ? outcomes : testOutcomes;
        int g = routing.pick(i, n, m, c, rnd.nextDouble());
        Status status = model.sample(g, i, n, m, c, faults.live(), rnd, latency);
        attempts++;
        sink.accept(new Attempt(paymentId, attemptNo, ts, gatewayNames[g], issuerNames[i], networkNames[n],
                methodNames[m], merchantNames[c], amount, currencies[c], status, latency[0]));
        boolean retried = false;
        if (status.success()) {
            succeeded++;
        } else if (status.retryable() && attemptNo <= routing.retryPolicy().maxRetries()) {
            long backoff = routing.retryPolicy().backoffMillis() << Math.min(20, attemptNo - 1);
            retries.add(new PendingRetry(ts + latency[0] + backoff, retrySequence++, paymentId, attemptNo + 1,
                    i, n, m, c, amount));
            retried = true;
        } else {
            failed++;
        }
        if (test != null) {
            test.add(new TestPayment.TestAttempt(attemptNo, ts, gatewayNames[g], status, latency[0],
                    routeShares(i, n, m, c), circuitsOn(i, n, m, c)), retried ? null : status);
            changedTests.add(test.payment());
            if (!retried) {
                tests.remove(paymentId);
            }
        }
    }

    /**
     * Sends one payment by hand at {@code tsMillis} (the start of the current tick), through the same routing,
     * faults, retries and circuits as the simulated ones; its later retries run with theirs. It counts in the totals
     * as a payment, but not in the excess ledger (which measures the simulated traffic against routing).
     *
     * @throws IllegalArgumentException when a name is not in the world, or the amount is not a positive number
     */
    public void sendTestPayment(String id, String merchant, String method, String issuer, String network,
                                double amount, long tsMillis) {
        int c = indexOf(merchantNames, merchant, "merchant");
        int m = indexOf(methodNames, method, "method");
        int i = indexOf(issuerNames, issuer, "issuer");
        int n = indexOf(networkNames, network, "network");
        if (!(amount > 0) || !Double.isFinite(amount)) {
            throw new IllegalArgumentException("the amount must be a positive number, was " + amount);
        }
        long paymentId = nextTestId++;
        tests.put(paymentId, new TestRun(new TestPayment(id, merchant, method, issuer, network, amount, currencies[c],
                tsMillis, List.of(), null)));
        payments++;
        attempt(paymentId, 1, tsMillis, i, n, m, c, amount);
    }

    /** The test payments sent or retried since the last call, newest state of each, in the order they changed. */
    public List<TestPayment> drainTestPayments() {
        if (changedTests.isEmpty()) {
            return List.of();
        }
        Map<String, TestPayment> latest = new LinkedHashMap<>();
        for (TestPayment t : changedTests) {
            latest.remove(t.id());
            latest.put(t.id(), t);
        }
        changedTests.clear();
        return List.copyOf(latest.values());
    }

    private Map<String, Double> routeShares(int i, int n, int m, int c) {
        double[] p = routing.routeProbabilities(i, n, m, c);
        Map<String, Double> shares = new LinkedHashMap<>();
        for (int g = 0; g < p.length; g++) {
            shares.put(gatewayNames[g], p[g]);
        }
        return shares;
    }

    /** The open and half-open circuits that cover some gateway on this payment path, as "open gateway=stripe". */
    private List<String> circuitsOn(int i, int n, int m, int c) {
        var state = routing.state();
        List<String> out = new ArrayList<>();
        for (String g : gatewayNames) {
            for (var t : state.openCircuits()) {
                if (t.matches(g, issuerNames[i], networkNames[n], methodNames[m], merchantNames[c])) {
                    out.add("open " + t);
                }
            }
            for (var t : state.halfOpenCircuits()) {
                if (t.matches(g, issuerNames[i], networkNames[n], methodNames[m], merchantNames[c])) {
                    out.add("half-open " + t);
                }
            }
        }
        return out.stream().distinct().toList();
    }

    private static int indexOf(String[] names, String name, String what) {
        for (int k = 0; k < names.length; k++) {
            if (names[k].equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " " + name);
    }

    /** A test payment under way: what it is, and its attempts so far. */
    private static final class TestRun {
        private TestPayment payment;

        TestRun(TestPayment payment) {
            this.payment = payment;
        }

        void add(TestPayment.TestAttempt a, Status outcome) {
            List<TestPayment.TestAttempt> all = new ArrayList<>(payment.attempts());
            all.add(a);
            payment = new TestPayment(payment.id(), payment.merchant(), payment.method(), payment.issuer(),
                    payment.network(), payment.amount(), payment.currency(), payment.sentAtMillis(), all, outcome);
        }

        TestPayment payment() {
            return payment;
        }
    }

    private long currentStamp() {
        if (faults.version() != stampFaultVersion || routing.version() != stampRoutingVersion) {
            stampFaultVersion = faults.version();
            stampRoutingVersion = routing.version();
            stamp++;
        }
        return stamp;
    }

    public SimTotals totals() {
        return new SimTotals(payments, attempts, succeeded, failed, ledger.excess(), ledger.staticExcess(),
                ledger.faultExcess());
    }
}
