package io.payops.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where the merchants stand in a move from a hosted to a headless storefront. The stage shapes which problems they
 * write about (the background mix) and, for the triage, whether a shared error is more likely something the move
 * broke on their side or something broken on ours.
 */
public enum MigrationStage implements Keyed {
    /** Still on the hosted storefront, reading the guides: questions more than breakage. */
    PLANNING(1, 1, 3, 1, 1, 1, 1),
    /** Catalogue, customers and orders being copied: images and inventory go missing. */
    DATA_MIGRATION(1, 4, 1, 2, 1, 4, 1),
    /** The headless storefront goes live: webhooks, sessions and logins break. */
    STOREFRONT_CUTOVER(4, 2, 3, 2, 4, 2, 1),
    /** Settled on the new storefront: a shared error is rarely the merchants' own doing any more. */
    POST_LAUNCH(2, 1, 1, 1, 1, 1, 1);

    private final String key = name().toLowerCase(Locale.ROOT);
    private final Map<TicketCategory, Integer> noiseWeights = new EnumMap<>(TicketCategory.class);

    MigrationStage(int webhook, int cdn, int auth, int shipping, int cart, int inventory, int payment) {
        noiseWeights.put(TicketCategory.WEBHOOK_TIMEOUT, webhook);
        noiseWeights.put(TicketCategory.IMAGE_CDN_404, cdn);
        noiseWeights.put(TicketCategory.AUTHENTICATION, auth);
        noiseWeights.put(TicketCategory.SHIPPING_CALCULATION, shipping);
        noiseWeights.put(TicketCategory.CART_SESSION, cart);
        noiseWeights.put(TicketCategory.INVENTORY_SYNC, inventory);
        noiseWeights.put(TicketCategory.PAYMENT_GATEWAY, payment);
    }

    /** Whether merchants are changing their own setup now (so their configuration is the first suspect). */
    public boolean migrating() {
        return this == DATA_MIGRATION || this == STOREFRONT_CUTOVER;
    }

    /** Relative weight of a category among background tickets at this stage. */
    public int noiseWeight(TicketCategory c) {
        return noiseWeights.get(c);
    }

    @JsonValue
    @Override
    public String key() {
        return key;
    }

    @JsonCreator
    public static MigrationStage fromKey(String key) {
        return Keyed.of(MigrationStage.class, key, "a migration stage");
    }

    public static String keys() {
        return Keyed.keys(MigrationStage.class);
    }
}
