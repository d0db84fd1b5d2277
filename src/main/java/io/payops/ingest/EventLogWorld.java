package io.payops.ingest;

import io.payops.domain.Attempt;
import io.payops.sim.AttemptSink;
import io.payops.sim.GatewayProfile;
import io.payops.sim.MerchantProfile;
import io.payops.sim.Share;
import io.payops.sim.World;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The world an event log's routing recommendations are made over, read from the head of the log when no scenario
 * gives one: the gateways and their traffic shares (the weights the agent starts from), and the issuers, networks,
 * methods and merchants with the most traffic. Values first seen later are still observed and diagnosed; a circuit
 * naming one is refused by routing, which says so. Fees are unknown, so they are all zero and cost weighs nothing.
 */
public final class EventLogWorld {
    /** The head read: this much event time or this many events, whichever ends first. */
    static final long HEAD_MILLIS = 15 * 60_000L;
    static final int HEAD_EVENTS = 500_000;
    private static final int MAX_VALUES = 30;
    private static final int MAX_MERCHANTS = 20;
    private static final int MAX_GATEWAYS = 50;
    /** Distinct values counted per dimension in the head: far more than are kept, so the busiest are found. */
    private static final int MAX_TALLIED = 10_000;
    /** Placeholder for a dimension the log never names, so every payment path still exists for routing checks. */
    static final String NONE = "(none)";

    private EventLogWorld() {
    }

    /** What was learnt from the head, or null when it holds no accepted event yet. */
    public record Inferred(World world, long eventsRead, String note) {
    }

    /**
     * Reads the head through an {@link EventLogSource}, so the world is built only from the events the run will
     * accept: a line with a wrong clock (an hour behind the rest at the top of the log) is a bad line there, and
     * must not become the log's start, cutting the head to itself and leaving routing one gateway to recommend on.
     * An event the observer would drop as late (older than its window) is left out for the same reason.
     *
     * @param settings how the run's source judges clocks (its gap bound); {@code follow} is ignored: the head is
     *                 what the file holds now
     * @param windowSeconds the observer's window: an event older than the newest by more is late
     */
    public static Inferred infer(EventLogReader reader, EventLogSource.Settings settings, int windowSeconds) {
        HeadTally tally = new HeadTally(windowSeconds);
        EventLogSource source = new EventLogSource(reader, tally,
                new EventLogSource.Settings(false, settings.maxGapMillis(), settings.idleMillis()), () -> 0L);
        long now = 0;
        while (tally.accepted < HEAD_EVENTS && now <= HEAD_MILLIS && !source.finished()) {
            now = source.nextTickEnd(now, 1000);
            source.advanceTo(Math.min(now, HEAD_MILLIS + 1));
        }
        long n = tally.accepted;
        if (n == 0) {
            return null;
        }
        List<GatewayProfile> gw = gateways(tally.gateways);
        List<Share> issuers = shares(tally.dims.get(0), MAX_VALUES);
        List<Share> networks = shares(tally.dims.get(1), MAX_VALUES);
        List<Share> methods = shares(tally.dims.get(2), MAX_VALUES);
        List<MerchantProfile> ms = merchants(tally.merchants, methods);
        String note = "inferred from the first " + n + " accepted events: " + gw.size() + " gateways weighted by their "
                + "share of payments; fees unknown (taken as equal)";
        return new Inferred(new World(gw, issuers, networks, methods, ms), n, note);
    }

    /** The head's events as the source accepts them, counted per value. */
    private static final class HeadTally implements AttemptSink {
        /** Per gateway: first attempts, attempts, successes, latency sum. */
        final Map<String, long[]> gateways = new LinkedHashMap<>();
        final List<Map<String, long[]>> dims = List.of(new HashMap<>(), new HashMap<>(), new HashMap<>());
        final Map<String, MerchantTally> merchants = new HashMap<>();
        private final long windowMillis;
        private long newestSecond = Long.MIN_VALUE;
        long accepted;

        HeadTally(int windowSeconds) {
            this.windowMillis = windowSeconds * 1000L;
        }

        @Override
        public void accept(Attempt a) {
            long second = Math.floorDiv(a.tsMillis(), 1000L) * 1000L;
            if (newestSecond != Long.MIN_VALUE && second <= newestSecond - windowMillis) {
                return;   // the observer counts it as late and drops it
            }
            newestSecond = Math.max(newestSecond, second);
            if (accepted >= HEAD_EVENTS) {
                return;   // the tick that reached the bound may hold more; the head is full
            }
            accepted++;
            if (a.gateway() != null && (gateways.size() < MAX_GATEWAYS || gateways.containsKey(a.gateway()))) {
                long[] g = gateways.computeIfAbsent(a.gateway(), k -> new long[4]);
                g[0] += a.attemptNo() == 1 ? 1 : 0;
                g[1]++;
                g[2] += a.status().success() ? 1 : 0;
                g[3] += a.latencyMs();
            }
            count(dims.get(0), a.issuer());
            count(dims.get(1), a.network());
            count(dims.get(2), a.method());
            if (a.merchant() != null && (merchants.size() < MAX_TALLIED || merchants.containsKey(a.merchant()))) {
                merchants.computeIfAbsent(a.merchant(), k -> new MerchantTally()).add(a);
            }
        }
    }

    private static void count(Map<String, long[]> m, String value) {
        if (value != null && (m.size() < MAX_TALLIED || m.containsKey(value))) {
            m.computeIfAbsent(value, k -> new long[1])[0]++;
        }
    }

    private static List<GatewayProfile> gateways(Map<String, long[]> tally) {
        if (tally.isEmpty()) {
            return List.of(new GatewayProfile(NONE, 100, 0, 0.95, 400, 0.5, 8000));
        }
        long firsts = tally.values().stream().mapToLong(g -> g[0]).sum();
        long all = tally.values().stream().mapToLong(g -> g[1]).sum();
        List<GatewayProfile> out = new ArrayList<>();
        tally.entrySet().stream().sorted(Map.Entry.<String, long[]>comparingByValue(
                Comparator.comparingLong(g -> -g[1])).thenComparing(Map.Entry.comparingByKey())).forEach(en -> {
            long[] g = en.getValue();
            double share = firsts > 0 ? (double) g[0] / firsts : (double) g[1] / all;
            double weight = Math.max(0.1, Math.round(share * 1000) / 10.0);
            double success = g[1] == 0 ? 0.95 : (double) g[2] / g[1];
            double latency = g[1] == 0 ? 400 : (double) g[3] / g[1];
            out.add(new GatewayProfile(en.getKey(), weight, 0, Math.max(0.01, Math.min(0.999, success)),
                    Math.max(1, latency), 0.5, 8000));
        });
        return out;
    }

    private static List<Share> shares(Map<String, long[]> tally, int max) {
        if (tally.isEmpty()) {
            return List.of(new Share(NONE, 1, 1));
        }
        long total = tally.values().stream().mapToLong(v -> v[0]).sum();
        return tally.entrySet().stream()
                .sorted(Map.Entry.<String, long[]>comparingByValue(Comparator.comparingLong(v -> -v[0]))
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(max)
                .map(en -> new Share(en.getKey(), (double) en.getValue()[0] / total, 1))
                .toList();
    }

    private static List<MerchantProfile> merchants(Map<String, MerchantTally> tally, List<Share> methods) {
        if (tally.isEmpty()) {
            Map<String, Double> mix = new LinkedHashMap<>();
            methods.forEach(m -> mix.put(m.name(), m.share()));
            return List.of(new MerchantProfile(NONE, 1, mix, 0, "XXX"));
        }
        long total = tally.values().stream().mapToLong(t -> t.count).sum();
        return tally.entrySet().stream()
                .sorted(Map.Entry.<String, MerchantTally>comparingByValue(Comparator.comparingLong(t -> -t.count))
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_MERCHANTS)
                .map(en -> en.getValue().profile(en.getKey(), total, methods))
                .toList();
    }

    private static final class MerchantTally {
        long count;
        double amount;
        final Map<String, Long> currencies = new HashMap<>();
        final Map<String, Long> methods = new HashMap<>();

        void add(Attempt a) {
            count++;
            amount += a.amount();
            if (a.currency() != null && currencies.size() < 20) {
                currencies.merge(a.currency(), 1L, Long::sum);
            }
            if (a.method() != null && methods.size() < 50) {
                methods.merge(a.method(), 1L, Long::sum);
            }
        }

        MerchantProfile profile(String name, long total, List<Share> knownMethods) {
            Map<String, Double> mix = new LinkedHashMap<>();
            long withMethod = methods.values().stream().mapToLong(Long::longValue).sum();
            for (Share m : knownMethods) {
                Long c = methods.get(m.name());
                if (withMethod == 0) {
                    mix.put(m.name(), m.share());
                } else if (c != null) {
                    mix.put(m.name(), (double) c / withMethod);
                }
            }
            String currency = currencies.entrySet().stream().max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey).orElse("XXX");
            return new MerchantProfile(name, (double) count / total, mix, count == 0 ? 0 : amount / count, currency);
        }
    }
}
