package io.payops.sim;

import io.payops.domain.Attempt;
import io.payops.domain.SimTotals;
import io.payops.domain.Status;

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
        int g = routing.pick(i, n, m, c, outcomes.nextDouble());
        Status status = model.sample(g, i, n, m, c, faults.live(), outcomes, latency);
        attempts++;
        sink.accept(new Attempt(paymentId, attemptNo, ts, gatewayNames[g], issuerNames[i], networkNames[n],
                methodNames[m], merchantNames[c], amount, currencies[c], status, latency[0]));
        if (status.success()) {
            succeeded++;
        } else if (status.retryable() && attemptNo <= routing.retryPolicy().maxRetries()) {
            long backoff = routing.retryPolicy().backoffMillis() << Math.min(20, attemptNo - 1);
            retries.add(new PendingRetry(ts + latency[0] + backoff, retrySequence++, paymentId, attemptNo + 1,
                    i, n, m, c, amount));
        } else {
            failed++;
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
