package io.payops.connect;

import java.net.URI;
import java.nio.file.Path;

/**
 * Which connectors to start, as the command line or the console's settings give them; every one is optional and,
 * with none given, nothing changes.
 *
 * @param alertmanager     Alertmanager's base URL (alerts are posted to {@code /api/v2/alerts}), or null
 * @param metricsPort      the port {@code /metrics} is served on (127.0.0.1 and every interface), or null
 * @param routingWebhook   where routing changes are POSTed, or null
 * @param routingSecretEnv the environment variable holding the webhook's HMAC secret, or null (unsigned)
 * @param routingFile      the file the routing in force is written to, atomically, or null
 */
public record ConnectorSettings(URI alertmanager, Integer metricsPort, URI routingWebhook, String routingSecretEnv,
                                Path routingFile) {
    public static final ConnectorSettings NONE = new ConnectorSettings(null, null, null, null, null);

    public boolean any() {
        return alertmanager != null || metricsPort != null || routingWebhook != null || routingFile != null;
    }
}
