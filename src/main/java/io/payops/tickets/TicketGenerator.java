package io.payops.tickets;

import io.payops.domain.ActiveFault;
import io.payops.domain.Dimension;
import io.payops.domain.ErrorSignature;
import io.payops.domain.FaultSpec;
import io.payops.domain.FaultType;
import io.payops.domain.Target;
import io.payops.domain.Ticket;
import io.payops.domain.TicketCategory;
import io.payops.domain.TicketSettings;
import io.payops.domain.TicketSeverity;
import io.payops.sim.MerchantProfile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The simulated merchants' support tickets, deterministic for a seed and independent of the tick length: every
 * source schedules its tickets on its own clock of exponential gaps, and {@link #advance} hands out those that fall in
 * the interval, in time order. Three sources, each with its own random stream so one does not shift another:
 * <ul>
 *   <li>background noise: varied categories (weighted by migration stage), merchants by their volume, and a
 *       signature with a random code, so unrelated tickets do not share a signature and do not cluster;</li>
 *   <li>bursts: several merchants hit by the same error (one shared signature) within a few minutes;</li>
 *   <li>payment faults: while a fault acts on their traffic, the affected merchants write in, with a signature naming
 *       the segment (gateway, issuer…) and the status their customers saw.</li>
 * </ul>
 * Single-threaded, like the engine that owns it.
 */
public final class TicketGenerator {
    /** Over how long the merchants of one burst write in. */
    static final long BURST_SPREAD_MILLIS = 6 * 60_000;
    private static final Map<TicketCategory, List<String>> DETAILS = details();

    private final TicketSettings settings;
    private final List<MerchantProfile> merchants;
    private final double maxShare;
    private final long seed;
    private final SplittableRandom noise;
    private final SplittableRandom bursts;
    private final PriorityQueue<Draft> queue = new PriorityQueue<>(
            Comparator.comparingLong(Draft::atMillis).thenComparingLong(Draft::seq));
    private final Map<String, FaultStream> faultStreams = new LinkedHashMap<>();
    private boolean started;
    private long nextNoiseAt;
    private long nextBurstAt;
    private long seq;
    private long ticketNo;

    public TicketGenerator(TicketSettings settings, long seed, List<MerchantProfile> merchants) {
        if (merchants.isEmpty()) {
            throw new IllegalArgumentException("a ticket generator needs at least one merchant");
        }
        this.settings = settings;
        this.merchants = List.copyOf(merchants);
        this.maxShare = merchants.stream().mapToDouble(MerchantProfile::volumeShare).max().orElse(1);
        this.seed = seed;
        this.noise = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 11);
        this.bursts = new SplittableRandom(seed * 0xC2B2AE3D27D4EB4FL + 23);
    }

    /**
     * The tickets filed in [fromMillis, untilMillis), in time order. {@code activePaymentFaults} are the faults
     * acting now (the simulator's ground truth: the merchants feel them whether or not the agent has noticed).
     */
    public List<Ticket> advance(long fromMillis, long untilMillis, List<ActiveFault> activePaymentFaults) {
        if (!started) {
            started = true;
            nextNoiseAt = fromMillis + gap(noise, settings.ticketsPerMinute());
            nextBurstAt = fromMillis + gap(bursts, settings.burstsPerHour() / 60.0);
        }
        while (nextNoiseAt < untilMillis) {
            queueNoise(nextNoiseAt);
            nextNoiseAt += gap(noise, settings.ticketsPerMinute());
        }
        while (nextBurstAt < untilMillis) {
            queueBurst(burstCategory(), nextBurstAt, settings.burstSize(), bursts.nextDouble() < 0.7);
            nextBurstAt += gap(bursts, settings.burstsPerHour() / 60.0);
        }
        queuePaymentTickets(fromMillis, untilMillis, activePaymentFaults);
        List<Ticket> out = new ArrayList<>();
        while (!queue.isEmpty() && queue.peek().atMillis() < untilMillis) {
            out.add(write(queue.poll()));
        }
        return out;
    }

    /**
     * A burst on demand (a chaos button, a test): {@code merchantCount} merchants hit the same error within a few
     * minutes of {@code atMillis}. {@code breaksCheckout} false makes it a wave of questions (no failed checkouts).
     * @return the burst's signature
     */
    public String injectBurst(TicketCategory category, long atMillis, int merchantCount, boolean breaksCheckout) {
        return queueBurst(category, atMillis, merchantCount, breaksCheckout);
    }

    private void queueNoise(long at) {
        TicketCategory category = weightedCategory(noise, true);
        String merchant = byVolume(noise);
        List<String> pool = DETAILS.get(category);
        // a random code per ticket: unrelated problems must not look like one shared error
        String signature = category.key() + ":" + pool.get(noise.nextInt(pool.size())) + ":"
                + String.format(Locale.ROOT, "%04x", noise.nextInt(0x10000));
        double r = noise.nextDouble();
        TicketSeverity severity = r < 0.5 ? TicketSeverity.LOW : r < 0.85 ? TicketSeverity.MEDIUM : TicketSeverity.HIGH;
        int failures = switch (severity) {
            case LOW -> 0;
            case MEDIUM -> noise.nextInt(6);
            default -> 5 + noise.nextInt(36);
        };
        queue.add(new Draft(at, seq++, merchant, category, signature, severity, failures,
                failures + noise.nextInt(4), null, noise.nextInt(8)));
    }

    private String queueBurst(TicketCategory category, long at, int merchantCount, boolean breaksCheckout) {
        List<String> pool = DETAILS.get(category);
        String signature = category.key() + ":" + pool.get(bursts.nextInt(pool.size())) + ":b"
                + String.format(Locale.ROOT, "%04x", bursts.nextInt(0x10000));
        List<String> order = new ArrayList<>(merchants.stream().map(MerchantProfile::name).toList());
        for (int i = order.size() - 1; i > 0; i--) {
            int j = bursts.nextInt(i + 1);
            order.set(j, order.set(i, order.get(j)));
        }
        for (String merchant : order.subList(0, Math.min(merchantCount, order.size()))) {
            int tickets = bursts.nextDouble() < 0.3 ? 2 : 1;
            for (int k = 0; k < tickets; k++) {
                long when = at + (long) (bursts.nextDouble() * BURST_SPREAD_MILLIS);
                TicketSeverity severity = !breaksCheckout ? TicketSeverity.LOW
                        : bursts.nextDouble() < 0.6 ? TicketSeverity.MEDIUM : TicketSeverity.HIGH;
                int failures = breaksCheckout ? 3 + bursts.nextInt(58) : 0;
                int customers = breaksCheckout ? failures + bursts.nextInt(10) : 0;
                queue.add(new Draft(when, seq++, merchant, category, signature, severity, failures, customers, null,
                        bursts.nextInt(8)));
            }
        }
        return signature;
    }

    private void queuePaymentTickets(long from, long until, List<ActiveFault> faults) {
        Set<String> live = new HashSet<>();
        for (ActiveFault fault : faults) {
            FaultSpec spec = fault.spec();
            // a surge of customers' own declines is not something merchants can be helped with: they do not write in
            if (fault.intensity() <= 0 || spec.type() == FaultType.USER_DECLINES) {
                continue;
            }
            Target segment = spec.target().without(Dimension.MERCHANT);
            String signature = ErrorSignature.forPayment(segment, spec.type().failureStatus().name());
            double strength = Math.min(1, spec.severity() * fault.intensity()
                    + (spec.type() == FaultType.LATENCY_SPIKE ? 0.3 : 0));
            for (MerchantProfile m : merchants) {
                double exposure = exposure(m, spec.target());
                if (exposure <= 0) {
                    continue;
                }
                String key = fault.id() + "/" + m.name();
                live.add(key);
                double perMinute = settings.paymentTicketsPerMinute() * exposure;
                FaultStream s = faultStreams.computeIfAbsent(key, k -> {
                    SplittableRandom r = new SplittableRandom(seed ^ (0x632BE59BD9B4E019L * k.hashCode()));
                    return new FaultStream(r, from + gap(r, perMinute));
                });
                while (s.nextAt < until) {
                    // thinning: candidates at the full rate, kept in proportion to how hard the fault hits now
                    if (s.random.nextDouble() < strength) {
                        int failures = (int) Math.round(strength * (20 + s.random.nextInt(100)) * m.volumeShare() / maxShare);
                        TicketSeverity severity = strength >= 0.5 ? TicketSeverity.CRITICAL : TicketSeverity.HIGH;
                        queue.add(new Draft(s.nextAt, seq++, m.name(), TicketCategory.PAYMENT_GATEWAY, signature,
                                severity, failures, (int) Math.round(failures * 0.9), segment.isAll() ? null : segment,
                                s.random.nextInt(8)));
                    }
                    s.nextAt += gap(s.random, perMinute);
                }
            }
        }
        // a fault that ended (or was removed) stops its merchants' tickets; if it comes back it starts afresh
        faultStreams.keySet().retainAll(live);
    }

    /**
     * How much of a fault a merchant feels, 0 when none: a merchant target hits that merchant only; otherwise every
     * merchant routes to every gateway (as in the default world), bigger merchants write in more, and a method target
     * hits only merchants whose customers use that method.
     */
    private double exposure(MerchantProfile m, Target target) {
        String merchant = target.get(Dimension.MERCHANT);
        if (merchant != null && !merchant.equals(m.name())) {
            return 0;
        }
        double e = 0.5 + 0.5 * m.volumeShare() / maxShare;
        String method = target.get(Dimension.METHOD);
        if (method != null) {
            double share = m.methodMix().getOrDefault(method, 0.0);
            if (share <= 0) {
                return 0;
            }
            e *= Math.min(1, 0.3 + share);
        }
        return e;
    }

    private Ticket write(Draft d) {
        String[] text = TicketText.write(d.category(), d.merchant(), d.paymentTarget(), d.textVariant());
        ticketNo++;
        return new Ticket(String.format(Locale.ROOT, "T-%05d", ticketNo), d.atMillis(), d.merchant(), d.category(),
                settings.stage(), text[0], text[1], d.signature(), d.severity(), d.checkoutFailures(),
                d.affectedCustomers(), d.paymentTarget());
    }

    private TicketCategory burstCategory() {
        return weightedCategory(bursts, false);
    }

    private TicketCategory weightedCategory(SplittableRandom r, boolean withPayments) {
        int total = 0;
        for (TicketCategory c : TicketCategory.values()) {
            total += withPayments || c != TicketCategory.PAYMENT_GATEWAY ? settings.stage().noiseWeight(c) : 0;
        }
        int pick = r.nextInt(total);
        for (TicketCategory c : TicketCategory.values()) {
            if (!withPayments && c == TicketCategory.PAYMENT_GATEWAY) {
                continue;
            }
            pick -= settings.stage().noiseWeight(c);
            if (pick < 0) {
                return c;
            }
        }
        throw new IllegalStateException("weights do not add up");
    }

    private String byVolume(SplittableRandom r) {
        double total = merchants.stream().mapToDouble(MerchantProfile::volumeShare).sum();
        double pick = r.nextDouble() * total;
        for (MerchantProfile m : merchants) {
            pick -= m.volumeShare();
            if (pick < 0) {
                return m.name();
            }
        }
        return merchants.get(merchants.size() - 1).name();
    }

    /** Milliseconds to the next event of a Poisson process with {@code perMinute} events a minute. */
    private static long gap(SplittableRandom r, double perMinute) {
        if (perMinute <= 0) {
            return Long.MAX_VALUE / 4;
        }
        return Math.max(1, (long) (-Math.log(1 - r.nextDouble()) / perMinute * 60_000));
    }

    private static Map<TicketCategory, List<String>> details() {
        Map<TicketCategory, List<String>> m = new LinkedHashMap<>();
        m.put(TicketCategory.WEBHOOK_TIMEOUT, List.of("order_created:http_504", "order_paid:timeout_10s",
                "refund_created:http_502", "fulfillment:conn_reset"));
        m.put(TicketCategory.IMAGE_CDN_404, List.of("product_image:404", "variant_thumb:404", "theme_asset:404"));
        m.put(TicketCategory.AUTHENTICATION, List.of("storefront_token:401", "customer_login:session_invalid",
                "admin_api_key:403"));
        m.put(TicketCategory.SHIPPING_CALCULATION, List.of("rate_lookup:zero_rate", "zone_match:no_zone",
                "carrier_api:timeout"));
        m.put(TicketCategory.CART_SESSION, List.of("cart_token:expired", "checkout_session:lost", "cart_merge:conflict"));
        m.put(TicketCategory.INVENTORY_SYNC, List.of("stock_level:drift", "sync_job:failed", "sku_map:missing"));
        m.put(TicketCategory.PAYMENT_GATEWAY, List.of("refund:delayed", "payout:question", "checkout_widget:error"));
        return m;
    }

    private record Draft(long atMillis, long seq, String merchant, TicketCategory category, String signature,
                         TicketSeverity severity, int checkoutFailures, int affectedCustomers, Target paymentTarget,
                         int textVariant) {
    }

    private static final class FaultStream {
        final SplittableRandom random;
        long nextAt;

        FaultStream(SplittableRandom random, long nextAt) {
            this.random = random;
            this.nextAt = nextAt;
        }
    }
}
