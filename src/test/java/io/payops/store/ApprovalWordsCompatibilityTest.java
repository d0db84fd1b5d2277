package io.payops.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.payops.common.Json;
import io.payops.domain.ActionOutcome;
import io.payops.domain.ActionRecord;
import io.payops.domain.ActionStatus;
import io.payops.domain.Approval;
import io.payops.domain.ApprovalMode;
import io.payops.domain.ApprovalRequest;
import io.payops.domain.Decider;
import io.payops.domain.Frame;
import io.payops.domain.TicketAction;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The approval, outcome and decidedBy words are types now, written as the same strings as before (DESIGN §5.3,
 * §5.6). The files under {@code compat/} were written by the build before they were types (two frames of a
 * checkout-migration recording, its approvals.json and audit.jsonl, and those of a run with --approval never):
 * each still reads, and writes back to the same JSON.
 */
class ApprovalWordsCompatibilityTest {
    @Test
    void anOldRecordingsFramesReadAndWriteBackTheSame() throws IOException {
        List<String> lines = lines("compat/frames-before-types.jsonl.gz");
        assertEquals(2, lines.size());
        List<ActionRecord> records = new ArrayList<>();
        for (String line : lines) {
            Frame f = Json.mapper().readValue(line, Frame.class);
            assertSameJson(line, Json.mapper().writeValueAsString(f));
            records.addAll(f.step().actions());
        }
        Set<String> seen = records.stream().map(r -> r.approval().key() + "/" + r.outcome().key())
                .collect(Collectors.toSet());
        assertTrue(seen.contains("pending/n/a"), seen.toString());
        assertTrue(seen.contains("auto/helped"), "an auto-approved change that helped: " + seen);
        ActionRecord auto = records.stream().filter(r -> r.approval() == Approval.AUTO).findFirst().orElseThrow();
        assertEquals(ActionOutcome.HELPED, auto.outcome());
    }

    @Test
    void oldApprovalFilesReadAndWriteBackTheSame() throws IOException {
        for (String name : List.of("compat/approvals-auto.json", "compat/approvals-never.json")) {
            String text = new String(resource(name).readAllBytes(), StandardCharsets.UTF_8);
            StateFiles.Approvals a = Json.mapper().readValue(text, StateFiles.Approvals.class);
            assertSameJson(text, Json.pretty().writeValueAsString(a));
            ApprovalRequest decided = a.decided().get(0);
            assertInstanceOf(Decider.Operator.class, decided.decidedBy(), name);
            assertTrue(a.ticketActions().stream().allMatch(t -> t.approval() == Approval.NONE), name);
        }
    }

    @Test
    void oldAuditLinesReadAndWriteBackTheSame() throws IOException {
        List<String> lines = lines("compat/audit-before-types.jsonl");
        Set<String> approvals = new java.util.TreeSet<>();
        for (String line : lines) {
            StateFiles.AuditEntry e = Json.mapper().readValue(line, StateFiles.AuditEntry.class);
            assertEquals(line, Json.mapper().writeValueAsString(e), "byte for byte");
            if (e.approval() != null) {
                approvals.add(Json.mapper().readValue('"' + e.approval() + '"', Approval.class).key());
            }
            if (e.outcome() != null) {
                assertEquals(e.outcome(), Json.mapper().readValue('"' + e.outcome() + '"', ActionOutcome.class).key());
            }
        }
        assertEquals(Set.of("auto", "none", "operator", "pending"), approvals);
    }

    @Test
    void everyDeciderIsWrittenAsItsOldTextAndReadBack() throws IOException {
        for (String text : List.of("operator (auto:60)", "operator (auto:0)", "operator (never)", "expiry", "operator",
                "asha")) {
            Decider d = Decider.parse(text);
            assertEquals(text, d.text());
            assertEquals(text, d.toString(), "notes say \"approved by \" + who, as before");
            assertEquals('"' + text + '"', Json.mapper().writeValueAsString(d));
            assertEquals(d, Json.mapper().readValue('"' + text + '"', Decider.class));
        }
        assertEquals(new Decider.Simulated(ApprovalMode.parse("auto:60")), Decider.parse("operator (auto:60)"));
        assertEquals(Approval.AUTO, Decider.parse("operator (auto:60)").approval());
        assertEquals(Approval.OPERATOR, Decider.parse("operator (never)").approval());
        assertEquals(Approval.NONE, Decider.EXPIRY.approval());
        assertEquals(Approval.OPERATOR, Decider.named("asha").approval());
        assertEquals(new Decider.Operator("operator (later)"), Decider.parse("operator (later)"),
                "a name that only looks like a mode stays a name");
    }

    @Test
    void aTicketActionAnsweredByTheSimulatedOperatorKeepsItsWords() throws IOException {
        String line = "{\"id\":1000003,\"atMillis\":700000,\"clusterId\":\"C-2\",\"type\":\"escalate_engineering\","
                + "\"rootCause\":\"platform_bug\",\"signature\":\"checkout:pay:500:ab12c\",\"merchants\":[\"edulearn\"],"
                + "\"status\":\"EXECUTED\",\"approval\":\"auto\",\"why\":\"Escalate.\",\"approvalReasons\":[\"high risk\"],"
                + "\"expiresAtMillis\":1000000,\"decidedBy\":\"operator (auto:60)\",\"decidedAtMillis\":760000,"
                + "\"updatedAtMillis\":760000,\"note\":\"approved by operator (auto:60); carried out\"}";
        TicketAction t = Json.mapper().readValue(line, TicketAction.class);
        assertEquals(Approval.AUTO, t.approval());
        assertEquals(new Decider.Simulated(ApprovalMode.parse("auto:60")), t.decidedBy());
        assertEquals(line, Json.mapper().writeValueAsString(t));
        TicketAction expired = t.decided(ActionStatus.EXPIRED, Decider.EXPIRY, 900_000, "expired without an answer");
        String written = Json.mapper().writeValueAsString(expired);
        assertTrue(written.contains("\"approval\":\"none\"") && written.contains("\"decidedBy\":\"expiry\""), written);
    }

    @Test
    void aWordNeverWrittenIsRefusedWithWhatWasExpected() {
        Exception e = assertThrows(Exception.class, () -> Json.mapper().readValue("\"maybe\"", Approval.class));
        assertTrue(e.getMessage().contains("maybe") && e.getMessage().contains("operator"), e.getMessage());
        e = assertThrows(Exception.class, () -> Json.mapper().readValue("\"great\"", ActionOutcome.class));
        assertTrue(e.getMessage().contains("great") && e.getMessage().contains("n/a"), e.getMessage());
    }

    private static void assertSameJson(String expected, String actual) throws IOException {
        JsonNode a = Json.mapper().readTree(expected);
        JsonNode b = Json.mapper().readTree(actual);
        assertEquals(a, b, "the same JSON as the build before the types wrote");
    }

    private static InputStream resource(String name) {
        return Objects.requireNonNull(ApprovalWordsCompatibilityTest.class.getClassLoader().getResourceAsStream(name),
                name);
    }

    private static List<String> lines(String name) throws IOException {
        InputStream in = resource(name);
        if (name.endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().filter(l -> !l.isBlank()).toList();
        }
    }
}
