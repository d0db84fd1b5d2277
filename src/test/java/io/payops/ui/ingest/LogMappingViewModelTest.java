package io.payops.ui.ingest;

import io.payops.domain.Status;
import io.payops.ingest.LogMapping;
import io.payops.ui.fx.FramePump;
import io.payops.ui.fx.QueuedExecutor;
import io.payops.ui.fx.SameThreadExecutor;
import io.payops.ui.shell.ShellViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.payops.ui.ingest.LogMappingViewModel.NO_COLUMN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mapping step without a stage: the background and FX executors run on the test's thread, so each call has
 * inspected the file when it returns (one test queues the FX side to check that a stale result is dropped).
 */
class LogMappingViewModelTest {
    @TempDir
    Path dir;

    private final List<LogMapping> opened = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private ShellViewModel console;

    @AfterEach
    void endRecording() {
        if (console != null) {
            console.stop();
            console.awaitRecordingClosed(120_000);
        }
    }

    private LogMappingViewModel step(Path log) {
        LogMappingViewModel vm = new LogMappingViewModel(log, false, new RememberedMappings(dir.resolve("state")),
                SameThreadExecutor.INSTANCE, opened::add, warnings::add);
        vm.start();
        return vm;
    }

    private static String column(LogMappingViewModel vm, String field) {
        return vm.fieldChoice(field).column();
    }

    private static StatusRow row(LogMappingViewModel vm, String written) {
        return vm.statuses().stream().filter(r -> r.written().equals(written)).findFirst()
                .orElseThrow(() -> new AssertionError("no status '" + written + "' in " + vm.statuses()));
    }

    @Test
    void aLogInAliasesIsPrefilledAndOpensWithNothingToRemember() throws IOException {
        Path log = ForeignCsv.aliased(dir.resolve("psp-export.csv"), 500);
        LogMappingViewModel vm = step(log);

        assertEquals("", vm.problemProperty().get());
        assertEquals("timestamp", column(vm, "ts"));
        assertEquals("psp", column(vm, "gateway"));
        assertEquals("issuer_bank", column(vm, "issuer"));
        assertEquals("status", column(vm, "status"));
        assertEquals("latency_ms", column(vm, "latencyMs"));
        assertEquals(NO_COLUMN, column(vm, "merchant"));
        assertFalse(vm.fieldChoice("gateway").chosenProperty().get(), "found by its name, not chosen");
        assertEquals("none", vm.ignoredProperty().get());
        assertEquals(List.of(NO_COLUMN, "timestamp", "psp", "issuer_bank", "status", "latency_ms"), vm.columnChoices());
        assertEquals(11, vm.previewProperty().get().lines().count() + 1, "ten lines shown");
        assertTrue(vm.previewProperty().get().startsWith("timestamp,psp,issuer_bank,status,latency_ms\n"));
        assertEquals("psp-export.csv · CSV · 5 columns", vm.headingProperty().get());
        assertEquals(450, row(vm, "SUCCESS").count());
        assertEquals(Status.ISSUER_DOWN, row(vm, "ISSUER_DOWN").readAs());
        assertTrue(vm.summaryProperty().get().startsWith("500 events read"), vm.summaryProperty().get());
        assertTrue(vm.canOpenProperty().get());

        assertTrue(vm.confirm());
        assertEquals(List.of(LogMapping.NONE), opened);
        assertFalse(Files.exists(dir.resolve("state").resolve("mappings")), "nothing said, nothing remembered");
    }

    @Test
    void foreignColumnsGiveTheReadersMessageThenChoicesReadTheLogAndStatusesFollow() throws IOException {
        Path log = ForeignCsv.terse(dir.resolve("gateway-2026-03-01.csv"), 2_000);
        LogMappingViewModel vm = step(log);

        // no exception: the reader's message, with the fields it lacks and the columns it found
        String problem = vm.problemProperty().get();
        assertTrue(problem.contains("no column holds ts, status (or success), latencyMs, a dimension"), problem);
        assertTrue(problem.contains("Columns found: t_ms, route, res, rt, why"), problem);
        assertFalse(vm.canOpenProperty().get());
        assertFalse(vm.confirm(), "Open waits");
        assertTrue(opened.isEmpty());
        for (String required : List.of("ts", "status", "success", "latencyMs", "gateway", "issuer")) {
            assertTrue(vm.fieldChoice(required).missingProperty().get(), required);
        }
        assertFalse(vm.fieldChoice("amount").missingProperty().get());
        assertEquals("t_ms, route, res, rt, why", vm.ignoredProperty().get());
        assertTrue(vm.statuses().isEmpty());

        vm.chooseColumn("ts", "t_ms");
        vm.chooseColumn("gateway", "route");
        vm.chooseColumn("status", "res");
        assertTrue(vm.problemProperty().get().contains("no column holds latencyMs"), vm.problemProperty().get());
        vm.chooseColumn("latencyMs", "rt");

        assertEquals("", vm.problemProperty().get());
        assertTrue(vm.canOpenProperty().get());
        assertTrue(vm.fieldChoice("gateway").chosenProperty().get());
        assertFalse(vm.fieldChoice("gateway").missingProperty().get());
        assertEquals("why", vm.ignoredProperty().get());
        assertEquals(List.of("ok", "fail"), vm.statuses().stream().map(StatusRow::written).toList());
        assertEquals(Status.OTHER_FAILURE, row(vm, "fail").readAs());
        assertFalse(row(vm, "fail").choosable(), "a generic failure is the vocabulary's");

        // the error-code column refines the failures: E10 is nobody's word, TIMEOUT a known one
        vm.chooseColumn("errorCode", "why");
        StatusRow e10 = row(vm, "fail / E10");
        assertTrue(e10.unmapped());
        assertEquals("E10", e10.word());
        assertEquals(100, e10.count());
        assertEquals(Status.BANK_TIMEOUT, row(vm, "fail / TIMEOUT").readAs());
        assertFalse(row(vm, "fail / TIMEOUT").choosable());

        vm.chooseStatus("E10", Status.ISSUER_DOWN);
        e10 = row(vm, "fail / E10");
        assertFalse(e10.unmapped());
        assertTrue(e10.chosen());
        assertEquals(Status.ISSUER_DOWN, e10.readAs());

        // a column holds one field: giving 'route' to the issuer takes it from the gateway
        vm.chooseColumn("issuer", "route");
        assertEquals(NO_COLUMN, column(vm, "gateway"));
        assertEquals("route", column(vm, "issuer"));
        assertEquals("", vm.problemProperty().get(), "the issuer is a dimension too");
        vm.chooseColumn("gateway", "route");
        assertEquals(NO_COLUMN, column(vm, "issuer"));

        assertTrue(vm.confirm());
        LogMapping m = opened.get(0);
        assertEquals(Map.of("ts", "t_ms", "gateway", "route", "status", "res", "latencyMs", "rt", "errorCode", "why"),
                m.fields());
        assertEquals(Map.of("E10", Status.ISSUER_DOWN), m.statuses());
    }

    @Test
    void theConfirmedMappingIsRememberedForFilesNamedAlikeAndPrefillsTheNext() throws IOException {
        LogMappingViewModel first = step(ForeignCsv.terse(dir.resolve("gateway-2026-03-01.csv"), 300));
        assertTrue(first.rememberedNoteProperty().get().startsWith("Nothing remembered for files named like "
                + "gateway-#-#-#.csv"), first.rememberedNoteProperty().get());
        first.chooseColumn("ts", "t_ms");
        first.chooseColumn("gateway", "route");
        first.chooseColumn("status", "res");
        first.chooseColumn("latencyMs", "rt");
        first.chooseColumn("errorCode", "why");
        first.chooseStatus("E10", Status.ISSUER_DOWN);
        first.zoneTextProperty().set("Asia/Kolkata");
        assertTrue(first.confirm());

        Path file = dir.resolve("state").resolve("mappings").resolve("gateway-#-#-#.csv.json");
        assertTrue(Files.exists(file), "written under state/mappings, keyed by the name's pattern");
        LogMapping saved = LogMapping.read(file);
        assertEquals(first.mapping().fields(), saved.fields());
        assertEquals(ZoneId.of("Asia/Kolkata"), saved.zone());
        try (var s = Files.list(file.getParent())) {
            assertEquals(List.of(file), s.toList(), "no temporary file left beside it");
        }

        LogMappingViewModel next = step(ForeignCsv.terse(dir.resolve("gateway-2026-03-02.csv"), 300));
        assertEquals("", next.problemProperty().get(), "tomorrow's file opens with today's mapping");
        assertTrue(next.rememberedNoteProperty().get().startsWith("Prefilled from the mapping remembered for files "
                + "named like gateway-#-#-#.csv"), next.rememberedNoteProperty().get());
        assertEquals("route", column(next, "gateway"));
        assertTrue(next.fieldChoice("gateway").chosenProperty().get());
        assertEquals(Status.ISSUER_DOWN, row(next, "fail / E10").readAs());
        assertTrue(row(next, "fail / E10").chosen());
        assertEquals("Asia/Kolkata", next.zoneTextProperty().get());

        LogMappingViewModel other = step(ForeignCsv.terse(dir.resolve("orders-2026-03-02.csv"), 300));
        assertFalse(other.problemProperty().get().isEmpty(), "another pattern remembers nothing");
    }

    @Test
    void aRememberedColumnThisFileLacksIsDroppedAndSaid() throws IOException {
        Path log = ForeignCsv.aliased(dir.resolve("psp-01.csv"), 100);
        RememberedMappings remembered = new RememberedMappings(dir.resolve("state"));
        remembered.save(log, new LogMapping(Map.of("merchant", "mid_x"), Map.of(), java.time.ZoneOffset.UTC));
        LogMappingViewModel vm = step(log);
        assertEquals("", vm.problemProperty().get());
        assertTrue(vm.rememberedNoteProperty().get().contains("Not used, as this file has no such column: "
                + "merchant=mid_x"), vm.rememberedNoteProperty().get());
        assertEquals(NO_COLUMN, column(vm, "merchant"));
    }

    @Test
    void aDamagedRememberedMappingIsReportedAndTheStepStartsFromTheNames() throws IOException {
        Path log = ForeignCsv.aliased(dir.resolve("psp-2026-03-01.csv"), 100);
        Path file = new RememberedMappings(dir.resolve("state")).fileFor(log);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"fields\": {\"gateway\": ");

        LogMappingViewModel vm = step(log);
        String note = vm.rememberedNoteProperty().get();
        assertTrue(note.startsWith("The mapping remembered for files named like psp-#-#-#.csv is damaged and was not "
                + "used: mapping file '" + file + "' is not valid JSON"), note);
        assertTrue(note.endsWith("Started from the column names; Open replaces it."), note);
        assertEquals("psp", column(vm, "gateway"));
        assertEquals("", vm.problemProperty().get());

        assertTrue(vm.confirm());
        assertEquals(LogMapping.NONE.fields(), LogMapping.read(file).fields(), "replaced by what was confirmed");
    }

    @Test
    void aBadZoneIsSaidAndHoldsOpenAndAGoodOneIsInspectedWith() throws IOException {
        LogMappingViewModel vm = step(ForeignCsv.aliased(dir.resolve("z.csv"), 50));
        vm.zoneTextProperty().set("Mars/Olympus");
        assertTrue(vm.zoneErrorProperty().get().startsWith("'Mars/Olympus' is not a time zone"),
                vm.zoneErrorProperty().get());
        assertFalse(vm.canOpenProperty().get());
        vm.applyZone();
        assertEquals(java.time.ZoneOffset.UTC, vm.mapping().zone(), "not applied");
        vm.zoneTextProperty().set("+05:30");
        vm.applyZone();
        assertEquals("", vm.zoneErrorProperty().get());
        assertEquals(ZoneId.of("+05:30"), vm.mapping().zone());
        assertTrue(vm.canOpenProperty().get());
    }

    @Test
    void unchoosingAColumnFoundByItsNameSaysHowToTakeIt() throws IOException {
        LogMappingViewModel vm = step(ForeignCsv.aliased(dir.resolve("n.csv"), 50));
        vm.chooseColumn("issuer", NO_COLUMN);
        assertEquals("issuer_bank", column(vm, "issuer"), "a mapping cannot forbid a name");
        assertTrue(vm.noticeProperty().get().startsWith("'issuer_bank' is read as issuer by its name"),
                vm.noticeProperty().get());
        vm.chooseColumn("network", "issuer_bank");
        assertEquals("issuer_bank", column(vm, "network"));
        assertEquals(NO_COLUMN, column(vm, "issuer"));
        vm.chooseColumn("network", NO_COLUMN);
        assertEquals("issuer_bank", column(vm, "issuer"), "a chosen column let go is found by its name again");
    }

    @Test
    void jsonLinesOfferTheirKeys() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            lines.add(String.format(java.util.Locale.ROOT, "{\"t\": %d, \"acq\": \"%s\", \"res\": \"%s\", "
                    + "\"rt\": %d}", ForeignCsv.START_MILLIS + 100L * i, i % 2 == 0 ? "stripe" : "adyen",
                    i % 10 == 9 ? "E51" : "ok", 100 + i % 30));
        }
        Path log = Files.write(dir.resolve("acq.jsonl"), lines);
        LogMappingViewModel vm = step(log);
        assertEquals("acq.jsonl · JSONL · 4 keys", vm.headingProperty().get());
        assertEquals(List.of(NO_COLUMN, "t", "acq", "res", "rt"), vm.columnChoices());
        assertTrue(vm.problemProperty().get().contains("no column holds ts"), vm.problemProperty().get());
        vm.chooseColumn("ts", "t");
        vm.chooseColumn("gateway", "acq");
        vm.chooseColumn("status", "res");
        vm.chooseColumn("latencyMs", "rt");
        assertEquals("", vm.problemProperty().get());
        assertTrue(row(vm, "E51").unmapped());
        vm.chooseStatus("E51", Status.INSUFFICIENT_FUNDS);
        assertEquals(Status.INSUFFICIENT_FUNDS, row(vm, "E51").readAs());
    }

    @Test
    void aMissingFileIsAProblemInTheStep() {
        LogMappingViewModel vm = step(dir.resolve("gone.csv"));
        assertTrue(vm.problemProperty().get().startsWith("event log '"), vm.problemProperty().get());
        assertTrue(vm.problemProperty().get().contains("does not exist"));
        assertFalse(vm.canOpenProperty().get());
        assertTrue(vm.readyProperty().get());
    }

    @Test
    void anInspectionOvertakenByAnotherChoiceIsDropped() throws IOException {
        QueuedExecutor fx = QueuedExecutor.fxQueued();
        LogMappingViewModel vm = new LogMappingViewModel(ForeignCsv.terse(dir.resolve("t.csv"), 100), false,
                new RememberedMappings(dir.resolve("state")), fx, opened::add, warnings::add);
        vm.start();
        fx.runFx();
        vm.chooseColumn("ts", "t_ms");
        vm.chooseColumn("gateway", "route");
        assertTrue(vm.inspectingProperty().get());
        assertEquals(2, fx.fxCount());
        fx.runFx(); // the first result, made without the gateway: dropped
        assertTrue(vm.inspectingProperty().get());
        assertEquals("route", column(vm, "gateway"));
        fx.runFx();
        assertFalse(vm.inspectingProperty().get());
        assertFalse(vm.fieldChoice("gateway").missingProperty().get());
        assertTrue(vm.fieldChoice("ts").chosenProperty().get());
    }

    @Test
    void openRunsTheForeignLogWithTheMapping() throws IOException {
        Path log = ForeignCsv.oneUnknownColumn(dir.resolve("route-1.csv"), 3_000);
        FramePump pump = new FramePump();
        EventLogFixture.SynchronousHost host = new EventLogFixture.SynchronousHost();
        console = new ShellViewModel(pump, host, "stripe-outage", 7, 1, dir.resolve("state").toString());
        EventLogViewModel eventLog = new EventLogViewModel(pump, console, SameThreadExecutor.INSTANCE);
        LogMappingSteps steps = new LogMappingSteps(SameThreadExecutor.INSTANCE, () -> dir.resolve("state"), eventLog,
                warnings::add);

        LogMappingViewModel vm = steps.step(log, false);
        vm.start();
        assertTrue(vm.problemProperty().get().contains("Columns found: time, route, status, latency_ms"),
                vm.problemProperty().get());
        vm.chooseColumn("gateway", "route");
        assertTrue(vm.confirm());

        assertTrue(eventLog.isActive());
        assertEquals(3_000, eventLog.eventsProperty().get());
        assertNull(eventLog.errorProperty().get());
        assertTrue(warnings.isEmpty(), warnings.toString());
    }
}
