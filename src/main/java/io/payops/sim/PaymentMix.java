package io.payops.sim;

/**
 * Who pays: the share of new payments on each path (issuer × network × method × merchant). A payment draws its
 * merchant by volume share, its method from that merchant's mix, and its issuer and network by their shares, each
 * independently; shares are normalised, and a dimension whose shares are all zero is drawn uniformly.
 * {@link PaymentAttributes} draws from these shares and {@link GroundTruth} weighs paths by them, so the two agree.
 */
final class PaymentMix {
    private final double[] merchants;
    private final double[][] methodsByMerchant;
    private final double[] issuers;
    private final double[] networks;

    PaymentMix(World world) {
        merchants = normalised(world.merchants().stream().mapToDouble(MerchantProfile::volumeShare).toArray());
        issuers = normalised(world.issuers().stream().mapToDouble(Share::share).toArray());
        networks = normalised(world.networks().stream().mapToDouble(Share::share).toArray());
        methodsByMerchant = new double[merchants.length][];
        for (int c = 0; c < merchants.length; c++) {
            MerchantProfile mp = world.merchants().get(c);
            methodsByMerchant[c] = normalised(world.methods().stream()
                    .mapToDouble(s -> mp.methodMix().getOrDefault(s.name(), 0.0)).toArray());
        }
    }

    double[] merchants() {
        return merchants.clone();
    }

    double[] methods(int merchant) {
        return methodsByMerchant[merchant].clone();
    }

    double[] issuers() {
        return issuers.clone();
    }

    double[] networks() {
        return networks.clone();
    }

    /** The share of all payments on one path; the shares of all paths add up to 1. */
    double share(int issuer, int network, int method, int merchant) {
        return merchants[merchant] * methodsByMerchant[merchant][method] * issuers[issuer] * networks[network];
    }

    /** Shares over their total; all-zero shares become uniform. */
    private static double[] normalised(double[] shares) {
        double total = 0;
        for (double s : shares) {
            total += s;
        }
        double[] out = new double[shares.length];
        for (int k = 0; k < shares.length; k++) {
            out[k] = total > 0 ? shares[k] / total : 1.0 / shares.length;
        }
        return out;
    }
}
