package io.payops.sim;

import java.util.SplittableRandom;

/**
 * Draws a new payment's merchant, method (from the merchant's mix), issuer, network and amount. Reuses its fields
 * for the last draw so the hot path allocates nothing.
 */
final class PaymentAttributes {
    private final double[] merchantCum;
    private final double[][] methodCumByMerchant;
    private final double[] issuerCum;
    private final double[] networkCum;
    private final double[] medianAmount;

    int merchant;
    int method;
    int issuer;
    int network;
    double amount;

    PaymentAttributes(World world) {
        merchantCum = cumulative(world.merchants().stream().mapToDouble(MerchantProfile::volumeShare).toArray());
        issuerCum = cumulative(world.issuers().stream().mapToDouble(Share::share).toArray());
        networkCum = cumulative(world.networks().stream().mapToDouble(Share::share).toArray());
        methodCumByMerchant = new double[world.merchants().size()][];
        medianAmount = new double[world.merchants().size()];
        for (int c = 0; c < world.merchants().size(); c++) {
            MerchantProfile mp = world.merchants().get(c);
            double[] mix = world.methods().stream().mapToDouble(s -> mp.methodMix().getOrDefault(s.name(), 0.0)).toArray();
            methodCumByMerchant[c] = cumulative(mix);
            medianAmount[c] = mp.avgAmount();
        }
    }

    void draw(SplittableRandom rnd) {
        merchant = pick(merchantCum, rnd.nextDouble());
        method = pick(methodCumByMerchant[merchant], rnd.nextDouble());
        issuer = pick(issuerCum, rnd.nextDouble());
        network = pick(networkCum, rnd.nextDouble());
        amount = Math.round(medianAmount[merchant] * Math.exp(0.6 * rnd.nextGaussian()) * 100) / 100.0;
    }

    private static int pick(double[] cum, double u) {
        for (int k = 0; k < cum.length; k++) {
            if (u < cum[k]) {
                return k;
            }
        }
        return cum.length - 1;
    }

    /** Normalised cumulative shares; all-zero shares fall back to uniform. */
    private static double[] cumulative(double[] shares) {
        double total = 0;
        for (double s : shares) {
            total += s;
        }
        double[] cum = new double[shares.length];
        double acc = 0;
        for (int k = 0; k < shares.length; k++) {
            acc += total > 0 ? shares[k] / total : 1.0 / shares.length;
            cum[k] = acc;
        }
        cum[cum.length - 1] = 1.0;
        return cum;
    }
}
