package io.payops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.payops.common.Json;
import io.payops.connect.ConnectorHealth;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * How the connectors' deliveries went, for a command's report and summary. The report's JSON gets a
 * {@code connectors} list only when connectors ran, so a report without them is as before (DESIGN §5.3).
 */
final class ConnectorReport {
    private ConnectorReport() {
    }

    /** The report as JSON, with {@code connectors} added when there are any. */
    static byte[] withConnectors(Object report, List<ConnectorHealth> health) throws java.io.IOException {
        if (health.isEmpty()) {
            return Json.pretty().writeValueAsBytes(report);
        }
        JsonNode tree = Json.mapper().valueToTree(report);
        ((ObjectNode) tree).set("connectors", Json.mapper().valueToTree(health));
        return Json.pretty().writeValueAsBytes(tree);
    }

    /** One line per connector: what it delivered, what failed, and the last failure. */
    static void print(PrintWriter out, List<ConnectorHealth> health) {
        for (ConnectorHealth h : health) {
            out.printf(Locale.ROOT, "%s: %,d delivered, %,d failed attempts, %,d dropped%s%n", h.name(), h.delivered(),
                    h.failed(), h.dropped(), h.lastError() == null ? "" : "; last failure: " + h.lastError());
        }
    }
}
