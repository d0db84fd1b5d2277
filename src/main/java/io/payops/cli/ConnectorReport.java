package io.payops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.payops.common.Json;
import io.payops.connect.ConnectorHealth;

import java.io.PrintWriter;
import java.util.List;

/**
 * How the connectors' deliveries went (and a Kafka topic's reading), for a command's report and summary. The
 * report's JSON gets a {@code connectors} list only when connectors ran or a topic was read, so a report without them
 * is as before (DESIGN §5.3); each entry's {@code direction} ("in" for the topic, "out" for the others) says what its
 * counts mean.
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

    /**
     * One line per connector in the words of its direction, and the last failure: "alertmanager …: 12 delivered, 0
     * failed attempts, 0 queued, 0 dropped", "kafka …: 12,345 records read, 0 outages, 3 held".
     */
    static void print(PrintWriter out, List<ConnectorHealth> health) {
        for (ConnectorHealth h : health) {
            out.println(line(h));
        }
    }

    static String line(ConnectorHealth h) {
        return h.name() + ": " + h.counts() + (h.notRunning() == null ? "" : " (" + h.notRunning() + ")")
                + (h.lastError() == null ? "" : "; last failure: " + h.lastError());
    }
}
