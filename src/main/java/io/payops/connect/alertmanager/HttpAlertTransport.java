package io.payops.connect.alertmanager;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Posts to {@code <base>/api/v2/alerts} with java.net.http, on the sender's thread. */
final class HttpAlertTransport implements AlertTransport {
    /** Connecting to an Alertmanager on the same network takes milliseconds; a host that does not answer is down. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /**
     * Alertmanager answers a post in milliseconds; one that takes longer is stuck, and a stuck post holds up every
     * alert behind it (and a command's exit, which waits for the last delivery).
     */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** Of a refusal's body, kept for the message: Alertmanager says which alert and label in the first line. */
    static final int BODY_CHARS = 300;

    private final HttpClient client;
    private final URI alerts;

    HttpAlertTransport(URI base) {
        this.alerts = alertsUri(base);
        this.client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** {@code http://am:9093} or {@code http://host/alertmanager/} (a route prefix) → {@code …/api/v2/alerts}. */
    static URI alertsUri(URI base) {
        String s = base.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return URI.create(s + "/api/v2/alerts");
    }

    URI uri() {
        return alerts;
    }

    @Override
    public Answer post(byte[] json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(alerts).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        String body = new String(response.body(), StandardCharsets.UTF_8).strip();
        return new Answer(response.statusCode(), body.length() <= BODY_CHARS ? body : body.substring(0, BODY_CHARS) + "…");
    }
}
