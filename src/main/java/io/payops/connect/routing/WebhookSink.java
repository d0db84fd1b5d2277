package io.payops.connect.routing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * POSTs each document to the router's webhook: {@code Content-Type: application/json}, the idempotency key in
 * {@value #IDEMPOTENCY_HEADER}, and, with a secret, {@code X-PayOps-Signature: sha256=<hex HMAC of the body>}.
 * A 2xx is delivered (and, over an event log, the router's acknowledgement); 408, 429, 5xx, a timeout or a connection
 * that fails are worth another attempt; any other answer (a 4xx, a redirect) refuses this document for good.
 */
final class WebhookSink implements RoutingSink {
    static final String IDEMPOTENCY_HEADER = "X-PayOps-Idempotency-Key";
    /**
     * A router on the team's network connects in milliseconds; five seconds rides out a busy one and bounds an
     * address that swallows packets.
     */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /**
     * A router that has not answered a small JSON POST in ten seconds is stuck: the attempt is retried later rather
     * than holding every change behind it.
     */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final URI url;
    private final WebhookSignature signature;
    private final String name;
    // redirects are not followed: the signed change would go to a host nobody configured. HTTP/1.1, because a
    // router's small webhook endpoint need not speak HTTP/2 nor answer the h2c upgrade the JDK would try first
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();

    /** @param signature null to send unsigned */
    WebhookSink(URI url, WebhookSignature signature) {
        this.url = url;
        this.signature = signature;
        this.name = "routing webhook " + io.payops.connect.UrlText.shown(url);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean acknowledges() {
        return true;
    }

    @Override
    public Attempt send(Delivery d) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header(IDEMPOTENCY_HEADER, d.key())
                .POST(HttpRequest.BodyPublishers.ofByteArray(d.body()));
        if (signature != null) {
            request.header(WebhookSignature.HEADER, signature.sign(d.body()));
        }
        try {
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return judge(response.statusCode());
        } catch (HttpTimeoutException e) {
            return Attempt.retry("no answer within " + REQUEST_TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            return Attempt.retry("cannot reach it (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }

    /** What an HTTP status means for this change. */
    static Attempt judge(int status) {
        if (status >= 200 && status < 300) {
            return Attempt.DELIVERED;
        }
        if (status == 408 || status == 429 || status >= 500) {
            return Attempt.retry("answered HTTP " + status);
        }
        return Attempt.rejected("refused the change with HTTP " + status
                + (status >= 300 && status < 400 ? " (a redirect: not followed, the change is signed for this URL)"
                : " (expected 2xx; 408, 429 and 5xx are retried)"));
    }
}
