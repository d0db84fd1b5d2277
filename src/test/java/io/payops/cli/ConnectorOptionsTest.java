package io.payops.cli;

import io.payops.common.BadInputException;
import io.payops.connect.ConnectorSettings;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each connector option says what was wrong and what was expected; with none given, nothing starts. */
class ConnectorOptionsTest {
    private static String refused(ConnectorOptions o, Map<String, String> env) {
        return assertThrows(BadInputException.class, () -> o.settings(env)).getMessage();
    }

    @Test
    void noOptionsMeansNoConnectors() {
        assertFalse(new ConnectorOptions().settings(Map.of()).any());
    }

    @Test
    void urlsMustBeHttp() {
        ConnectorOptions o = new ConnectorOptions();
        o.alertmanager = "ftp://host:9093";
        assertEquals("--alertmanager: 'ftp://host:9093' is not an http(s) URL (expected e.g. http://127.0.0.1:9093)",
                refused(o, Map.of()));
        o.alertmanager = "http://127.0.0.1:9093";
        o.routingWebhook = "not a url";
        assertTrue(refused(o, Map.of()).startsWith("--routing-webhook: 'not a url' is not a"));
    }

    @Test
    void thePortIsInRange() {
        ConnectorOptions o = new ConnectorOptions();
        o.metricsPort = 70_000;
        assertEquals("--metrics-port: 70000 is out of range (expected 1 to 65535)", refused(o, Map.of()));
    }

    @Test
    void theSecretComesFromAnEnvironmentVariableThatIsSet() {
        ConnectorOptions o = new ConnectorOptions();
        o.routingSecretEnv = "ROUTER_SECRET";
        assertEquals("--routing-secret-env: needs --routing-webhook URL (the webhook it signs)", refused(o, Map.of()));
        o.routingWebhook = "http://127.0.0.1:8080/routing";
        assertEquals("--routing-secret-env: the environment variable ROUTER_SECRET is not set (expected the "
                + "webhook's HMAC secret in it)", refused(o, Map.of()));
        o.routingSecretEnv = "s3cr3t-value!";
        assertTrue(refused(o, Map.of()).contains("is not an environment variable's name"));
        o.routingSecretEnv = "ROUTER_SECRET";
        ConnectorSettings s = o.settings(Map.of("ROUTER_SECRET", "k"));
        assertEquals("ROUTER_SECRET", s.routingSecretEnv());
        assertTrue(s.any());
    }
}
