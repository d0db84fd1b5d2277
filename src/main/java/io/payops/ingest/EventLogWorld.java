package io.payops.ingest;

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
    /** Placeholder for a dimension the log never names, so every payment path still exists for routing checks. */
    static final String NONE = "(none)";

    private EventLogWorld() {
    }

    /** What was learnt from the head, or null when it holds no event yet. */
    public record Inferred(World world, long eventsRead, String note) {
    }

    public static Inferred infer(EventLogReader reader) {
        EventFields e = new EventFields();
        Map<String, long[]> gateways = new LinkedHashMap<>();     // first attempts, attempts, successes, latency sum
        List<Map<String, long[]>> dims = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            dims.add(new HashMap<>());
        }
        Map<String, MerchantTally> merchants = new HashMap<>();
        long first = Long.MIN_VALUE;
        long n = 0;
        while (n < HEAD_EVENTS && reader.next(e)) {
            if (first == Long.MIN_VALUE) {
                first = e.ts;
            } else if (e.ts - first > HEAD_MILLIS) {
                break;
            }
            n++;
            if (e.gateway != null && (gateways.size() < MAX_GATEWAYS || gateways.containsKey(e.gateway))) {
                long[] g = gateways.computeIfAbsent(e.gateway, k -> new long[4]);
                g[0] += e.attemptNo == 1 ? 1 : 0;
                g[1]++;
                g[2] += e.status.success() ? 1 : 0;
                g[3] += e.latencyMs;
            }
            count(dims.get(0), e.issuer);
            count(dims.get(1), e.network);
            count(dims.get(2), e.method);
            if (e.merchant != null && (merchants.size() < 10_000 || merchants.containsKey(e.merchant))) {
                merchants.computeIfAbsent(e.merchant, k -> new MerchantTally()).add(e);
            }
        }
        if (n == 0) {
            return null;
        }
        List<GatewayProfile> gw = gateways(gateways);
        List<Share> issuers = shares(dims.get(0), MAX_VALUES);
        List<Share> networks = shares(dims.get(1), MAX_VALUES);
        List<Share> methods = shares(dims.get(2), MAX_VALUES);
        List<MerchantProfile> ms = merchants(merchants, methods);
        String note = "inferred from the first " + n + " events: " + gw.size() + " gateways weighted by their share of "
                + "payments; fees unknown (taken as equal)";
        return new Inferred(new World(gw, issuers, networks, methods, ms), n, note);
    }

    private static void count(Map<String, long[]> m, String value) {
        if (value != null && (m.size() < 10_000 || m.containsKey(value))) {
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

        void add(EventFields e) {
            count++;
            amount += e.amount;
            if (e.currency != null && currencies.size() < 20) {
                currencies.merge(e.currency, 1L, Long::sum);
            }
            if (e.method != null && methods.size() < 50) {
                methods.merge(e.method, 1L, Long::sum);
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
