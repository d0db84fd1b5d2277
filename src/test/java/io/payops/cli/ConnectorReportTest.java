package io.payops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.payops.common.Json;
import io.payops.connect.ConnectorHealth;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The summary's connector lines and the report's {@code connectors} list: a Kafka topic in the words of a source. */
class ConnectorReportTest {
    private static final List<ConnectorHealth> HEALTH = List.of(
            ConnectorHealth.source("kafka 127.0.0.1:9092/payments", 12_345, 0, 3, null),
            new ConnectorHealth("alertmanager http://127.0.0.1:9093", 7, 5, 0, 4, "cannot reach it (connection refused)"));

    @Test
    void theSummarySaysRecordsReadForATopicAndDeliveriesForTheOthers() {
        StringWriter out = new StringWriter();
        try (PrintWriter w = new PrintWriter(out)) {
            ConnectorReport.print(w, HEALTH);
        }
        assertEquals(List.of("kafka 127.0.0.1:9092/payments: 12,345 records read, 0 outages, 3 held",
                        "alertmanager http://127.0.0.1:9093: 7 delivered, 5 failed attempts, 0 queued, 4 dropped; "
                                + "last failure: cannot reach it (connection refused)"),
                out.toString().lines().toList());
    }

    @Test
    void theReportsConnectorsSayWhichWayEachGoes() throws Exception {
        JsonNode report = Json.mapper().readTree(ConnectorReport.withConnectors(Map.of("input", "x"), HEALTH));
        JsonNode kafka = report.get("connectors").get(0);
        assertEquals("kafka 127.0.0.1:9092/payments", kafka.get("name").asText());
        assertEquals("in", kafka.get("direction").asText());
        assertEquals(12_345, kafka.get("delivered").asLong());
        assertEquals(0, kafka.get("failed").asLong());
        assertEquals(3, kafka.get("queued").asLong());
        assertTrue(kafka.get("lastError").isNull());
        assertFalse(kafka.has("notRunning"), "only the console has connectors that did not start: " + kafka);
        JsonNode am = report.get("connectors").get(1);
        assertEquals("out", am.get("direction").asText());
        assertEquals(4, am.get("dropped").asLong());

        JsonNode none = Json.mapper().readTree(ConnectorReport.withConnectors(Map.of("input", "x"), List.of()));
        assertFalse(none.has("connectors"), "no connector, no list: the report is as before");
    }
}
