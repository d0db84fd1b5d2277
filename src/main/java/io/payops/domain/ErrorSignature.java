package io.payops.domain;


import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The machine-made fingerprint of the error a ticket reports, e.g. {@code webhook_timeout:order_created:http_504:b7f3}
 * or {@code payment_gateway:gateway=stripe:GATEWAY_ERROR}: the category key, then colon-separated tokens. It comes
 * from the platform's error logs, not from what the merchant typed, so the triage may group and reason on it; the
 * strict shape keeps free text (and anything that looks like an instruction) out of it.
 */
public final class ErrorSignature {
    public static final int MAX_LENGTH = 120;
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9_]+(:[A-Za-z0-9_.=\\-]+){1,6}");

    private ErrorSignature() {
    }

    /** @return why the text is not a signature of that category, or null when it is one */
    public static String problem(String signature, TicketCategory category) {
        if (signature == null || signature.length() > MAX_LENGTH || !SHAPE.matcher(signature).matches()) {
            return "'" + clip(signature) + "' is not an error signature (expected category:token[:token...], "
                    + "tokens of letters, digits and _ . = -, at most " + MAX_LENGTH + " characters)";
        }
        if (!signature.startsWith(category.key() + ":")) {
            return "signature '" + signature + "' does not start with its category '" + category.key() + ":'";
        }
        return null;
    }

    /** The payment segment a signature names through {@code dimension=value} tokens; {@link Target#ALL} when none. */
    public static Target paymentTarget(String signature) {
        Map<Dimension, String> values = new EnumMap<>(Dimension.class);
        for (String token : signature.split(":")) {
            int eq = token.indexOf('=');
            if (eq > 0 && eq < token.length() - 1) {
                Dimension d = Dimension.fromKey(token.substring(0, eq));
                if (d != null && d != Dimension.MERCHANT) {
                    values.put(d, token.substring(eq + 1));
                }
            }
        }
        return Target.of(values);
    }

    /** The signature a payment fault's tickets carry: the segment it hits and the status customers saw. */
    public static String forPayment(Target target, String status) {
        StringBuilder b = new StringBuilder(TicketCategory.PAYMENT_GATEWAY.key());
        target.values().forEach((d, v) -> {
            if (d != Dimension.MERCHANT) {
                b.append(':').append(d.key()).append('=').append(v);
            }
        });
        return b.append(':').append(status).toString();
    }

    private static String clip(String s) {
        if (s == null) {
            return "null";
        }
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
