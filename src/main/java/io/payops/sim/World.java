package io.payops.sim;

import io.payops.domain.Dimension;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed cast of the simulated world: gateways, issuers, networks, methods and merchants. How an attempt's
 * base failure splits between customer-side declines and technical errors is {@link AttemptModel}'s business.
 */
public record World(
        List<GatewayProfile> gateways,
        List<Share> issuers,
        List<Share> networks,
        List<Share> methods,
        List<MerchantProfile> merchants) {

    public World {
        gateways = List.copyOf(gateways);
        issuers = List.copyOf(issuers);
        networks = List.copyOf(networks);
        methods = List.copyOf(methods);
        merchants = List.copyOf(merchants);
    }

    public static World defaultWorld() {
        return new World(
                List.of(
                        new GatewayProfile("stripe", 40, 2.9, 0.955, 380, 0.45, 8000),
                        new GatewayProfile("adyen", 30, 2.6, 0.950, 420, 0.45, 8000),
                        new GatewayProfile("razorpay", 20, 2.0, 0.940, 450, 0.50, 8000),
                        new GatewayProfile("paypal", 10, 3.4, 0.935, 520, 0.50, 8000)),
                List.of(
                        new Share("HDFC", 0.28, 1.005),
                        new Share("ICICI", 0.24, 1.0),
                        new Share("SBI", 0.22, 0.985),
                        new Share("AXIS", 0.15, 1.0),
                        new Share("KOTAK", 0.11, 1.005)),
                List.of(
                        new Share("VISA", 0.45, 1.0),
                        new Share("MASTERCARD", 0.30, 1.0),
                        new Share("RUPAY", 0.20, 0.995),
                        new Share("AMEX", 0.05, 1.0)),
                List.of(
                        new Share("CARD", 0.45, 1.0),
                        new Share("UPI", 0.35, 1.005),
                        new Share("NETBANKING", 0.12, 0.985),
                        new Share("WALLET", 0.08, 1.01)),
                List.of(
                        new MerchantProfile("shopkart", 0.35, mix(0.40, 0.40, 0.12, 0.08), 1800, "INR"),
                        new MerchantProfile("quickbite", 0.25, mix(0.25, 0.60, 0.05, 0.10), 450, "INR"),
                        new MerchantProfile("travelnest", 0.15, mix(0.75, 0.10, 0.15, 0.00), 12500, "INR"),
                        new MerchantProfile("streamly", 0.15, mix(0.55, 0.35, 0.00, 0.10), 299, "INR"),
                        new MerchantProfile("edulearn", 0.10, mix(0.45, 0.30, 0.25, 0.00), 4200, "INR")));
    }

    private static Map<String, Double> mix(double card, double upi, double netbanking, double wallet) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("CARD", card);
        m.put("UPI", upi);
        m.put("NETBANKING", netbanking);
        m.put("WALLET", wallet);
        return m;
    }

    /** The names this world has for one dimension, in declaration order. */
    public List<String> names(Dimension d) {
        return switch (d) {
            case GATEWAY -> gateways.stream().map(GatewayProfile::name).toList();
            case ISSUER -> issuers.stream().map(Share::name).toList();
            case NETWORK -> networks.stream().map(Share::name).toList();
            case METHOD -> methods.stream().map(Share::name).toList();
            case MERCHANT -> merchants.stream().map(MerchantProfile::name).toList();
        };
    }

    public boolean knows(Dimension d, String value) {
        return names(d).contains(value);
    }

    public GatewayProfile gateway(String name) {
        for (GatewayProfile g : gateways) {
            if (g.name().equals(name)) {
                return g;
            }
        }
        throw new IllegalArgumentException("unknown gateway " + name);
    }

    /** A copy with other gateways or merchants, as a scenario may override them (null keeps the default). */
    public World with(List<GatewayProfile> newGateways, List<MerchantProfile> newMerchants) {
        return new World(newGateways == null ? gateways : newGateways, issuers, networks, methods,
                newMerchants == null ? merchants : newMerchants);
    }
}
