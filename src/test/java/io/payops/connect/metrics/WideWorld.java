package io.payops.connect.metrics;

import io.payops.sim.GatewayProfile;
import io.payops.sim.Share;
import io.payops.sim.World;

import java.util.ArrayList;
import java.util.List;

/** A world wider than the labels allow: gateways G00.. and issuers I00.. with 1 / rank shares (a long tail). */
public final class WideWorld {
    private WideWorld() {
    }

    public static World of(int gateways, int issuers) {
        List<GatewayProfile> g = new ArrayList<>();
        for (int i = 0; i < gateways; i++) {
            g.add(new GatewayProfile(String.format("G%02d", i), 100.0 / (i + 1), 2.5, 0.95, 400, 0.45, 8000));
        }
        double total = 0;
        for (int i = 0; i < issuers; i++) {
            total += 1.0 / (i + 1);
        }
        List<Share> is = new ArrayList<>();
        for (int i = 0; i < issuers; i++) {
            is.add(new Share(String.format("I%02d", i), 1.0 / (i + 1) / total, 1.0));
        }
        World d = World.defaultWorld();
        return new World(g, is, d.networks(), d.methods(), d.merchants());
    }
}
