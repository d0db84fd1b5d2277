package io.payops.tickets;

import io.payops.domain.Target;
import io.payops.domain.TicketCategory;

import java.util.List;
import java.util.Locale;

/**
 * The words a simulated merchant writes: a subject and a message per category, in a few variants so the queue reads
 * like a real one. Only people read them; the triage never does.
 */
final class TicketText {
    private static final List<String[]> WEBHOOK = List.of(
            new String[]{"Order webhooks timing out", "Since this morning our order.created webhooks time out and "
                    + "orders stay unconfirmed. Our endpoint is %s.example/hooks."},
            new String[]{"Webhook retries piling up", "The dashboard shows dozens of failed webhook deliveries for "
                    + "%s; customers paid but we never got the order."});
    private static final List<String[]> CDN = List.of(
            new String[]{"Product images missing", "Half the product pages of %s show broken images (404 from the CDN)."},
            new String[]{"Images 404 after import", "After the catalogue import %s's images return 404."});
    private static final List<String[]> AUTH = List.of(
            new String[]{"Customers cannot log in", "Customers of %s get logged out at checkout and cannot sign in again."},
            new String[]{"API key rejected", "Our storefront API calls for %s fail with 401 since we rotated keys."});
    private static final List<String[]> SHIPPING = List.of(
            new String[]{"Shipping shows zero", "Checkout at %s shows free shipping for every address."},
            new String[]{"Shipping rates wrong", "Shipping rates at %s do not match the rules we set."});
    private static final List<String[]> CART = List.of(
            new String[]{"Carts empty themselves", "Customers of %s lose their cart between pages."},
            new String[]{"Session lost at checkout", "The headless frontend of %s drops the session at payment."});
    private static final List<String[]> INVENTORY = List.of(
            new String[]{"Stock counts out of sync", "%s sells items that are out of stock; counts lag by hours."},
            new String[]{"Inventory sync failing", "The inventory sync job for %s fails every run."});
    private static final List<String[]> PAYMENT = List.of(
            new String[]{"Payments failing", "Customers of %s cannot pay; many attempts fail at the payment step."},
            new String[]{"Checkout payments declined", "Since a few minutes most payments at %s fail."});

    private TicketText() {
    }

    /** @return {subject, message} */
    static String[] write(TicketCategory category, String merchant, Target paymentTarget, int variant) {
        List<String[]> pool = switch (category) {
            case WEBHOOK_TIMEOUT -> WEBHOOK;
            case IMAGE_CDN_404 -> CDN;
            case AUTHENTICATION -> AUTH;
            case SHIPPING_CALCULATION -> SHIPPING;
            case CART_SESSION -> CART;
            case INVENTORY_SYNC -> INVENTORY;
            case PAYMENT_GATEWAY -> PAYMENT;
        };
        String[] t = pool.get(Math.floorMod(variant, pool.size()));
        String message = String.format(Locale.ROOT, t[1], merchant);
        if (paymentTarget != null && !paymentTarget.isAll()) {
            message += " It looks like " + paymentTarget + " is affected.";
        }
        return new String[]{t[0], message};
    }
}
