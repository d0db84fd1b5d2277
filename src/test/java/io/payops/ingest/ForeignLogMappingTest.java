package io.payops.ingest;

import io.payops.common.BadInputException;
import io.payops.domain.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Foreign logs: aliases, the user's mapping, one status vocabulary, nothing dropped for its wording. */
class ForeignLogMappingTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    record Line(long ts, String gateway, String issuer, String network, Status status, int latencyMs, double amount) {
    }

    record Read(List<Line> lines, EventLogStats stats) {
    }

    private static Read read(Path file, LogMapping mapping) {
        List<Line> out = new ArrayList<>();
        try (EventLogReader r = EventLogReader.open(file, null, false, mapping)) {
            EventFields f = new EventFields();
            while (r.next(f)) {
                out.add(new Line(f.ts, f.gateway, f.issuer, f.network, f.status, f.latencyMs, f.amount));
            }
            return new Read(out, r.stats());
        }
    }

    @Test
    void pythonStyleJsonIsReadByItsAliasesAloneWithEveryFailureKept() throws IOException {
        Path p = write("py.jsonl", """
                {"txn_id": "t1", "timestamp": 1772528400.25, "psp": "stripe", "issuer_bank": "HDFC", "card_network": "VISA", "payment_method": "card", "status": "success", "latency_ms": 212.5, "amount": 10}
                {"txn_id": "t2", "timestamp": 1772528401.5, "psp": "stripe", "issuer_bank": "HDFC", "card_network": "VISA", "payment_method": "card", "status": "failed", "error_code": "issuer_unavailable", "latency_ms": 900, "amount": 10, "debug": {"trace": [1, 2]}}
                {"txn_id": "t3", "timestamp": 1772528402, "psp": "adyen", "issuer_bank": "SBI", "card_network": "VISA", "payment_method": "upi", "status": "failed", "error_code": "network_timeout", "latency_ms": 3000}
                {"txn_id": "t4", "timestamp": 1772528403, "psp": "adyen", "issuer_bank": "SBI", "card_network": "VISA", "payment_method": "upi", "status": "failed", "error_code": "E99_WEIRD", "latency_ms": 30}
                {"txn_id": "t5", "timestamp": 1772528404, "psp": "adyen", "issuer_bank": "SBI", "card_network": "VISA", "payment_method": "upi", "status": "rate_limited", "latency_ms": 30}
                {"txn_id": "t6", "timestamp": 1772528405, "psp": "adyen", "issuer_bank": "SBI", "card_network": "VISA", "payment_method": "upi", "status": "mystery_state", "latency_ms": 30}
                {"txn_id": "t7", "timestamp": 1772528406, "psp": "adyen", "issuer_bank": "SBI", "card_network": "VISA", "payment_method": "upi", "status": "failed", "error_code": "invalid_card", "latency_ms": 30}
                """);
        Read r = read(p, LogMapping.NONE);
        assertEquals(0, r.stats().badLines(), r.stats().firstBadLines().toString());
        assertEquals(7, r.lines().size(), "no line lost for its wording");
        assertEquals(List.of(Status.SUCCESS, Status.ISSUER_DOWN, Status.BANK_TIMEOUT, Status.OTHER_FAILURE,
                Status.GATEWAY_ERROR, Status.OTHER_FAILURE, Status.USER_DECLINED),
                r.lines().stream().map(Line::status).toList());
        assertEquals(1772528400250L, r.lines().get(0).ts(), "epoch seconds with a fraction");
        assertEquals("stripe", r.lines().get(0).gateway());
        assertEquals("HDFC", r.lines().get(0).issuer());
        assertEquals(Map.of("ts", "timestamp", "paymentId", "txn_id", "gateway", "psp", "issuer", "issuer_bank",
                "network", "card_network", "method", "payment_method", "amount", "amount", "status", "status",
                "latencyMs", "latency_ms", "errorCode", "error_code"), r.stats().fields());
        assertEquals(List.of("debug"), r.stats().ignoredColumns(), "an unknown JSON key is reported like a CSV column");
        assertEquals(List.of(new UnmappedStatus("errorCode", "E99_WEIRD", "OTHER_FAILURE", 1, 4),
                new UnmappedStatus("status", "mystery_state", "OTHER_FAILURE", 1, 6)), r.stats().unmappedStatuses());
    }

    @Test
    void aBooleanSuccessWithACamelCaseErrorCodeAndZoneLessTimesInTheZoneSaid() throws IOException {
        Path p = write("bool.jsonl", """
                {"event_time": "2026-03-02T15:30:00", "acquirer": "checkout", "scheme": "MASTERCARD", "success": true, "duration_ms": 120}
                {"event_time": "2026-03-02T15:30:01.5", "acquirer": "checkout", "scheme": "MASTERCARD", "success": false, "errorCode": "TIMEOUT", "duration_ms": 5000}
                {"event_time": "2026-03-02T15:30:02", "acquirer": "checkout", "scheme": "MASTERCARD", "success": false, "errorCode": "PAYMENT_FAILED", "duration_ms": 10}
                {"event_time": "2026-03-02T15:30:03", "acquirer": "checkout", "scheme": "MASTERCARD", "success": "false", "errorCode": "AUTH_FAILURE", "duration_ms": 10}
                """);
        Read r = read(p, LogMapping.of(null, List.of(), List.of(), "Asia/Kolkata"));
        assertEquals(List.of(Status.SUCCESS, Status.BANK_TIMEOUT, Status.OTHER_FAILURE, Status.USER_DECLINED),
                r.lines().stream().map(Line::status).toList());
        assertEquals(java.time.Instant.parse("2026-03-02T10:00:00Z").toEpochMilli(), r.lines().get(0).ts());
        assertEquals("MASTERCARD", r.lines().get(0).network());
        assertTrue(r.stats().unmappedStatuses().isEmpty(), "PAYMENT_FAILED says only that it failed: no cause to map");
    }

    @Test
    void aColumnMappedExplicitlyIsNotAlsoTakenByAnAlias() throws IOException {
        Path p = write("bank.csv", """
                timestamp,bank,issuer,status,latency_ms,amount_minor
                2026-02-01 10:00:00,HDFC Bank,VISA,Success,100,1250
                2026-02-01 10:00:01,SBI Bank,MASTERCARD,Fail,100,99
                """);
        Read aliases = read(p, LogMapping.NONE);
        assertEquals("VISA", aliases.lines().get(0).issuer(), "our own name wins over the alias bank");
        assertEquals(List.of("bank"), aliases.stats().ignoredColumns());
        assertEquals(12.5, aliases.lines().get(0).amount(), 1e-9, "amount in minor units");

        Read mapped = read(p, LogMapping.of(null, List.of("gateway=bank", "network=issuer"), List.of(), null));
        assertEquals("HDFC Bank", mapped.lines().get(0).gateway());
        assertNull(mapped.lines().get(0).issuer(), "bank is the gateway now, not the issuer");
        assertEquals("VISA", mapped.lines().get(0).network());
        assertTrue(mapped.stats().ignoredColumns().isEmpty(), mapped.stats().ignoredColumns().toString());
        assertEquals(Status.OTHER_FAILURE, mapped.lines().get(1).status(), "a failure without a code is still one");
    }

    /** Tools mean "retries before this attempt" or "retries this payment took" by one name: only a mapping says which. */
    @Test
    void aRetryCountIsReadOnlyWhenMapped() throws IOException {
        Path p = write("retries.csv", """
                timestamp,gateway,status,latency_ms,retry_count
                2026-02-01 10:00:00,stripe,Success,100,2
                """);
        Read plain = read(p, LogMapping.NONE);
        assertEquals(List.of("retry_count"), plain.stats().ignoredColumns());
        assertTrue(!plain.stats().fields().containsKey("retryCount"));
        Read mapped = read(p, LogMapping.of(null, List.of("retryCount=retry_count"), List.of(), null));
        assertEquals("retry_count", mapped.stats().fields().get("retryCount"));
        assertTrue(mapped.stats().ignoredColumns().isEmpty());
    }

    @Test
    void theUsersStatusWordsRefineGenericFailuresAndWinOverOurs() throws IOException {
        Path p = write("codes.csv", """
                t_ms,route,res,rt
                1772528400000,r1,A00,100
                1772528400500,r1,E10,100
                1772528401000,r1,E99,100
                1772528401500,r1,TIMEOUT,100
                """);
        LogMapping m = LogMapping.of(null, List.of("ts=t_ms", "gateway=route", "status=res", "latencyMs=rt"),
                List.of("A00=SUCCESS", "E10=ISSUER_DOWN", "timeout=GATEWAY_ERROR"), null);
        Read r = read(p, m);
        assertEquals(List.of(Status.SUCCESS, Status.ISSUER_DOWN, Status.OTHER_FAILURE, Status.GATEWAY_ERROR),
                r.lines().stream().map(Line::status).toList());
        assertEquals(1, r.stats().unmappedStatuses().size());
        assertEquals("E99", r.stats().unmappedStatuses().get(0).value());
    }

    @Test
    void aHeaderItCannotReadSaysEveryMissingFieldTheColumnsAndTheLikelyFixesAtOnce() throws IOException {
        Path p = write("odd.csv", "t_ms,route,res,lat\n1772528400000,r1,ok,100\n");
        BadInputException e = assertThrows(BadInputException.class, () -> read(p, LogMapping.NONE));
        String m = e.getMessage();
        assertTrue(m.contains("no column holds ts, status (or success), latencyMs, a dimension"), m);
        assertTrue(m.contains("Columns found: t_ms, route, res, lat"), m);
        assertTrue(m.contains("--map latencyMs=lat"), m);
        assertTrue(m.contains("--map ts=t_ms"), m);
    }

    @Test
    void aJsonLogMissingFieldsIsRefusedOnceForTheFileNotLineByLine() throws IOException {
        Path p = write("odd.jsonl", "{\"when\": \"2026-03-02T10:00:00Z\", \"pg\": \"x\", \"st\": \"OK\", \"latencyMillis\": 3}\n");
        BadInputException e = assertThrows(BadInputException.class, () -> read(p, LogMapping.NONE));
        assertTrue(e.getMessage().contains("no column holds ts, status (or success), latencyMs ("), e.getMessage());
        assertTrue(e.getMessage().contains("--map status=st") && e.getMessage().contains("--map latencyMs=latencyMillis"),
                e.getMessage());
        assertTrue(e.getMessage().contains("Columns found: when, pg, st, latencyMillis"), e.getMessage());
        Read ok = read(p, LogMapping.of(null, List.of("ts=when", "status=st", "latencyMs=latencyMillis"),
                List.of(), null));
        assertEquals(1, ok.lines().size());
        assertEquals(Status.SUCCESS, ok.lines().get(0).status());
    }

    @Test
    void aMappedColumnThatIsNotThereAndBadMappingsAreSaid() throws IOException {
        Path p = write("x.csv", "ts,gateway,status,latencyMs\n2026-03-02T10:00:00Z,x,SUCCESS,1\n");
        BadInputException e = assertThrows(BadInputException.class,
                () -> read(p, LogMapping.of(null, List.of("issuer=bnk"), List.of(), null)));
        assertTrue(e.getMessage().contains("--map issuer=bnk: no column 'bnk'"), e.getMessage());
        assertTrue(assertThrows(BadInputException.class, () -> LogMapping.of(null, List.of("colour=x"), List.of(), null))
                .getMessage().contains("'colour' is not a field (expected one of ts, paymentId"));
        assertTrue(assertThrows(BadInputException.class, () -> LogMapping.of(null, List.of(), List.of("E1=BROKEN"), null))
                .getMessage().contains("'BROKEN' is not a status (expected one of SUCCESS"));
        assertTrue(assertThrows(BadInputException.class, () -> LogMapping.of(null, List.of("gateway"), List.of(), null))
                .getMessage().contains("expected FIELD=COLUMN"));
        assertTrue(assertThrows(BadInputException.class, () -> LogMapping.of(null, List.of(), List.of(), "Mars/Base"))
                .getMessage().contains("'Mars/Base' is not a time zone"));
        assertTrue(assertThrows(BadInputException.class,
                () -> LogMapping.of(null, List.of("gateway=x", "issuer=X"), List.of(), null))
                .getMessage().contains("column 'X' is mapped to both gateway and issuer"));
    }

    @Test
    void aMappingFileSaysTheSameAndTheCommandLineWinsOverIt() throws IOException {
        Path file = write("m.json", """
                {"fields": {"ts": "when", "gateway": "pg", "status": "st", "latencyMs": "ms"},
                 "statuses": {"KO_PG": "GATEWAY_ERROR", "OK": "SUCCESS"}, "tz": "+05:30"}
                """);
        LogMapping m = LogMapping.of(file, List.of("gateway=pg2"), List.of("KO_PG=NETWORK_ERROR"), null);
        assertEquals("pg2", m.fields().get("gateway"));
        assertEquals("when", m.fields().get("ts"));
        assertEquals(Status.NETWORK_ERROR, m.statuses().get("KO_PG"));
        assertEquals(java.time.ZoneOffset.ofHoursMinutes(5, 30), m.zone());
        assertEquals(m, LogMapping.read(write("again.json", io.payops.common.Json.mapper()
                .writeValueAsString(m.toJson()))), "what it writes, it reads");
        BadInputException e = assertThrows(BadInputException.class,
                () -> LogMapping.read(write("bad.json", "{\"fields\": {\"gateway\": 3}}")));
        assertTrue(e.getMessage().contains("fields.gateway: expected a non-empty string"), e.getMessage());
    }

    @Test
    void inspectionShowsFieldsStatusesValuesAndACardNetworkIssuerHint() throws IOException {
        Path p = write("i.csv", """
                created_at,processor,issuer,outcome,decline_code,response_time_ms
                2026-03-02 10:00:00,stripe,VISA,Success,,100
                2026-03-02 10:00:01,stripe,MASTERCARD,Fail,GATEWAY_ERROR,100
                2026-03-02 10:00:02,stripe,VISA,Fail,Q77,100
                """);
        EventLogInspection.Result r = EventLogInspection.inspect(p, null, LogMapping.NONE);
        assertEquals(3, r.events());
        assertEquals("issuer", r.fields().get("issuer"));
        assertEquals("decline_code", r.fields().get("errorCode"));
        assertTrue(r.statuses().stream().anyMatch(s -> s.written().equals("Fail / Q77") && s.unmapped()
                && s.readAs().equals("OTHER_FAILURE")), r.statuses().toString());
        assertTrue(r.hints().get(0).contains("--map network=issuer"), r.hints().toString());
        assertTrue(EventLogInspection.format(r).contains("UNMAPPED"), EventLogInspection.format(r));
        assertEquals(1.0, r.eventsPerSecond(), 1e-9);
    }
}
