package io.payops.connect.routing;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Signs a webhook body with HMAC-SHA256, as GitHub's and Stripe's webhooks do: the header's value is
 * {@code sha256=} and the lowercase hex digest of the exact bytes sent. The secret lives only here, in memory: this is
 * a class rather than a record so that nothing (a log line, a debugger's toString) can print it.
 */
final class WebhookSignature {
    static final String HEADER = "X-PayOps-Signature";
    static final String ALGORITHM = "HmacSHA256";
    static final String PREFIX = "sha256=";

    private final SecretKeySpec key;

    WebhookSignature(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("an HMAC secret cannot be empty");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The header's value for {@code body}: {@code sha256=<64 hex digits>}. */
    String sign(byte[] body) {
        try {
            // a Mac is not thread-safe and cheap to make: one per signature, on the sender's thread
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            // every JDK has HmacSHA256 (it is a required algorithm), and the key is never empty
            throw new IllegalStateException("HMAC-SHA256 is not available: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "HMAC-SHA256 signature (secret not shown)";
    }
}
