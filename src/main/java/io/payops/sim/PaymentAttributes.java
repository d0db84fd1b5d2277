package io.payops.sim;

import java.util.SplittableRandom;

/**
 * Draws a new payment's merchant, method (from the merchant's mix), issuer, network ({@link PaymentMix}) and amount.
 * Reuses its fields for the last draw so the hot path allocates nothing.
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
        PaymentMix mix = new PaymentMix(world);
        merchantCum = cumulative(mix.merchants());
        issuerCum = cumulative(mix.issuers());
        networkCum = cumulative(mix.networks());
        methodCumByMerchant = new double[world.merchants().size()][];
        medianAmount = new double[world.merchants().size()];
        for (int c = 0; c < world.merchants().size(); c++) {
            methodCumByMerchant[c] = cumulative(mix.methods(c));
            medianAmount[c] = world.merchants().get(c).avgAmount();
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

    /** Cumulative sums of normalised shares, the last pinned to exactly 1. */
    private static double[] cumulative(double[] shares) {
        double[] cum = new double[shares.length];
        double acc = 0;
        for (int k = 0; k < shares.length; k++) {
            acc += shares[k];
            cum[k] = acc;
        }
        cum[cum.length - 1] = 1.0;
        return cum;
    }
}
