package io.payops.cli;

import io.payops.common.BadInputException;
import io.payops.connect.ConnectorSettings;
import picocli.CommandLine.Option;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The connectors to a payments team's stack, each optional (README, "Connectors"): {@code --alertmanager URL},
 * {@code --metrics-port N}, {@code --routing-webhook URL [--routing-secret-env NAME]}, {@code --routing-file PATH}.
 */
public final class ConnectorOptions {
    @Option(names = "--alertmanager", paramLabel = "URL",
            description = "Post incidents, approval requests and rollbacks to Alertmanager's API v2 at URL "
                    + "(e.g. http://127.0.0.1:9093), re-posted while they last and resolved when they end.")
    String alertmanager;

    @Option(names = "--metrics-port", paramLabel = "N",
            description = "Serve /metrics in the Prometheus text format on port N (1..65535).")
    Integer metricsPort;

    @Option(names = "--routing-webhook", paramLabel = "URL",
            description = "POST every routing change and rollback to URL as JSON (the routing in force, the change, "
                    + "an idempotency key), signed with HMAC-SHA256 when --routing-secret-env names the secret.")
    String routingWebhook;

    @Option(names = "--routing-secret-env", paramLabel = "NAME",
            description = "The environment variable holding the routing webhook's HMAC secret (never give the secret "
                    + "itself on the command line).")
    String routingSecretEnv;

    @Option(names = "--routing-file", paramLabel = "FILE",
            description = "Write the routing in force to FILE (atomically) after every change and rollback.")
    Path routingFile;

    /** @throws BadInputException naming the option and what was expected */
    public ConnectorSettings settings(Map<String, String> environment) {
        URI am = alertmanager == null ? null : httpUrl("--alertmanager", alertmanager);
        if (metricsPort != null && (metricsPort < 1 || metricsPort > 65_535)) {
            throw new BadInputException("--metrics-port: " + metricsPort + " is out of range (expected 1 to 65535)");
        }
        URI hook = routingWebhook == null ? null : httpUrl("--routing-webhook", routingWebhook);
        if (routingSecretEnv != null) {
            if (hook == null) {
                throw new BadInputException("--routing-secret-env: needs --routing-webhook URL (the webhook it signs)");
            }
            if (!routingSecretEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new BadInputException("--routing-secret-env: '" + routingSecretEnv + "' is not an environment "
                        + "variable's name (expected letters, digits and _, not the secret itself)");
            }
            String secret = environment.get(routingSecretEnv);
            if (secret == null || secret.isEmpty()) {
                throw new BadInputException("--routing-secret-env: the environment variable " + routingSecretEnv
                        + " is not set (expected the webhook's HMAC secret in it)");
            }
        }
        if (routingFile != null) {
            OutputFile.check(routingFile, "--routing-file");
        }
        return new ConnectorSettings(am, metricsPort, hook, routingSecretEnv, routingFile);
    }

    private static URI httpUrl(String option, String text) {
        try {
            URI u = new URI(text.trim());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
                throw new BadInputException(option + ": '" + text + "' is not an http(s) URL (expected e.g. "
                        + "http://127.0.0.1:9093)");
            }
            return u;
        } catch (URISyntaxException e) {
            throw new BadInputException(option + ": '" + text + "' is not a URL (expected e.g. http://127.0.0.1:9093)");
        }
    }
}
