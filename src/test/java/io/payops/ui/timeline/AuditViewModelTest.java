package io.payops.ui.timeline;

import io.payops.domain.Command;
import io.payops.domain.Frame;
import io.payops.domain.PolicyStep;
import com.fasterxml.jackson.databind.JsonNode;
import io.payops.common.Json;
import io.payops.ui.fx.FrameBatch;
import io.payops.ui.fx.SameThreadExecutor;
import io.payops.ui.fx.SessionInfo;
import io.payops.ui.fx.TestFrames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditViewModelTest {
    private static List<Frame> frames;
    private static long requestId;

    /** See {@link OutageWithApproval}. */
    @BeforeAll
    static void run() {
        OutageWithApproval run = OutageWithApproval.run();
        frames = run.frames();
        requestId = run.requestId();
    }

    /** Every row of a live session is stamped with this clock's time (UTC). */
    private static final Instant WALL = Instant.parse("2025-03-01T10:15:30Z");

    @TempDir
    Path dir;

    private static AuditViewModel fed() {
        return fed(TestFrames.session("stripe-outage", 7), frames);
    }

    private static AuditViewModel fed(SessionInfo session, List<Frame> list) {
        AuditViewModel vm = new AuditViewModel(Clock.fixed(WALL, ZoneOffset.UTC), SameThreadExecutor.INSTANCE);
        vm.onSessionStart(session);
        for (int i = 0; i < list.size(); i += 5) {
            vm.onFrames(FrameBatch.of(list.subList(i, Math.min(list.size(), i + 5))));
        }
        return vm;
    }

    private static List<AuditRow> oldestFirst(AuditViewModel vm) {
        List<AuditRow> rows = new ArrayList<>(vm.rows());
        Collections.reverse(rows);
        return rows;
    }

    private static int indexOf(List<AuditRow> rows, Predicate<AuditRow> p) {
        return IntStream.range(0, rows.size()).filter(i -> p.test(rows.get(i))).findFirst()
                .orElseThrow(() -> new AssertionError("no such row in " + rows));
    }

    @Test
    void theTrailHasTheDecisionItsApprovalItsExecutionAndTheChaosInOrder() {
        AuditViewModel vm = fed();
        List<AuditRow> rows = oldestFirst(vm);
        String circuit = "open_circuit on gateway=stripe";

        int decision = indexOf(rows, r -> r.kind() == AuditKind.DECISION && r.action().equals(circuit));
        int approval = indexOf(rows, r -> r.kind() == AuditKind.APPROVAL && r.action().equals(circuit));
        int execution = indexOf(rows, r -> r.kind() == AuditKind.EXECUTION && r.action().equals(circuit));
        int chaos = indexOf(rows, r -> r.kind() == AuditKind.CHAOS);
        assertTrue(decision < approval && approval < execution && execution < chaos,
                decision + " < " + approval + " < " + execution + " < " + chaos);

        AuditRow d = rows.get(decision);
        long raised = frames.stream().flatMap(f -> f.step().actions().stream()).filter(r -> r.id() == requestId)
                .mapToLong(r -> r.atMillis()).min().orElseThrow();
        assertEquals(String.valueOf(raised / 1000), d.time(), "the decision row is at the second the request was raised");
        assertTrue(raised > 300_000 && raised < 310_000, "the agent asks within seconds of the outage: " + raised);
        assertEquals("pending", d.status());
        assertEquals("gateway=stripe", d.target());
        AuditRow a = rows.get(approval);
        assertEquals("330", a.time(), "commands apply at the start of the tick after 330 s");
        assertEquals("approved", a.status());
        assertEquals("operator", a.approval());
        assertTrue(a.note().contains("#" + requestId));
        AuditRow x = rows.get(execution);
        assertEquals("executed", x.status());
        assertEquals("operator", x.approval());
        AuditRow c = rows.get(chaos);
        assertEquals("gateway=adyen", c.target());
        assertTrue(c.action().startsWith("inject latency_spike ×3, 60 s"), c.action());
        assertTrue(c.note().contains("chaos-1"));

        // the agent's own half-shift of Stripe meanwhile and its alert are there too, before the approval
        assertTrue(indexOf(rows, r -> r.kind() == AuditKind.EXECUTION && r.action().startsWith("shift 50%")) < approval);
        assertTrue(indexOf(rows, r -> r.kind() == AuditKind.ALERT) < approval);
        // a Decide for a request that does not exist: its refusal is an error row after the commands of that tick
        int error = indexOf(rows, r -> r.kind() == AuditKind.ERROR);
        assertTrue(rows.get(error).note().contains("999"), rows.get(error).note());
        assertTrue(error > chaos);
        AuditRow refused = rows.get(indexOf(rows, r -> r.kind() == AuditKind.APPROVAL && r.action().equals("request #999")));
        assertEquals("refused", refused.status());
    }

    @Test
    void rowsAreNewestFirstAndCountedPerKind() {
        AuditViewModel vm = fed();
        for (int i = 1; i < vm.rows().size(); i++) {
            assertTrue(AuditRow.CHRONOLOGICAL.compare(vm.rows().get(i - 1), vm.rows().get(i)) > 0, "newest first");
        }
        assertEquals(2, vm.count(AuditKind.APPROVAL), "the real approval and the one for a missing request");
        assertEquals(1, vm.count(AuditKind.CHAOS));
        assertEquals(1, vm.count(AuditKind.ERROR));
        assertEquals(1, vm.count(AuditKind.DECISION));
        int sum = vm.countsByKind().values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(vm.rows().size(), sum);
        assertEquals(vm.rows().size(), vm.totalProperty().get());
        assertTrue(vm.summaryProperty().get().contains("approval 2"), vm.summaryProperty().get());
    }

    @Test
    void filtersByKindAndByTextInAnyColumn() {
        AuditViewModel vm = fed();
        int all = vm.rows().size();

        vm.kindFilterProperty().set("approval");
        assertEquals(2, vm.filteredRows().size());
        assertTrue(vm.filteredRows().stream().allMatch(r -> r.kind() == AuditKind.APPROVAL));

        vm.filterTextProperty().set("  STRIPE ");
        assertEquals(1, vm.filteredRows().size(), "text and kind together");
        assertEquals("open_circuit on gateway=stripe", vm.filteredRows().get(0).action());

        vm.kindFilterProperty().set(AuditViewModel.ALL_KINDS);
        vm.filterTextProperty().set("adyen");   // the target column of the chaos row, and whatever else names Adyen
        List<AuditRow> adyen = vm.rows().stream().filter(r -> anyColumnContains(r, "adyen")).toList();
        assertEquals(adyen, vm.filteredRows(), "every row naming Adyen in any column, newest first, and no other");
        assertTrue(adyen.size() < all);
        assertEquals(1, adyen.stream().filter(r -> r.kind() == AuditKind.CHAOS).count(), adyen.toString());

        vm.filterTextProperty().set("operator");   // the approval column
        assertTrue(vm.filteredRows().stream().anyMatch(r -> r.kind() == AuditKind.EXECUTION));
        assertTrue(vm.summaryProperty().get().startsWith(vm.filteredRows().size() + " of " + all + " rows"));

        vm.filterTextProperty().set("");
        assertEquals(all, vm.filteredRows().size());
        assertEquals(all, vm.sortedRows().size());
    }

    /** The columns a person sees, read one by one (not through the row's own matcher). */
    private static boolean anyColumnContains(AuditRow r, String lowerCase) {
        return Stream.of(r.time(), r.wall(), r.kindText(), r.action(), r.target(), r.status(), r.approval(), r.outcome(),
                        r.note())
                .anyMatch(c -> c != null && c.toLowerCase(Locale.ROOT).contains(lowerCase));
    }

    /** "open stripe": every word somewhere in the row, each in any column and any case, not as one phrase. */
    @Test
    void searchMatchesEveryWordAnywhereInTheRow() {
        AuditViewModel vm = fed();
        vm.filterTextProperty().set("open stripe");
        List<AuditRow> expected = vm.rows().stream()
                .filter(r -> anyColumnContains(r, "open") && anyColumnContains(r, "stripe")).toList();
        assertEquals(expected, vm.filteredRows());
        // the decision, the operator's approval and the execution of opening Stripe's circuit, at least
        for (AuditKind k : List.of(AuditKind.DECISION, AuditKind.APPROVAL, AuditKind.EXECUTION)) {
            assertTrue(vm.filteredRows().stream().anyMatch(r -> r.kind() == k
                    && r.action().equals("open_circuit on gateway=stripe")), k + " in " + vm.filteredRows());
        }
        assertTrue(vm.filteredRows().stream().noneMatch(r -> r.kind() == AuditKind.CHAOS), "the chaos row names Adyen");

        vm.filterTextProperty().set("  STRIPE   Open ");
        assertEquals(expected, vm.filteredRows(), "any order, any case, any spaces");
        vm.filterTextProperty().set("open adyen");
        assertTrue(vm.filteredRows().stream().allMatch(r -> anyColumnContains(r, "open") && anyColumnContains(r, "adyen")));
        assertTrue(vm.filteredRows().stream().noneMatch(r -> r.action().equals("open_circuit on gateway=stripe")));
        vm.filterTextProperty().set("approved operator stripe");
        assertTrue(vm.filteredRows().stream().anyMatch(r -> r.kind() == AuditKind.APPROVAL), "words from three columns");
    }

    @Test
    void ticketActionsAreInTheTrailAndItsKindFilter() {
        TicketEscalation run = TicketEscalation.run();
        AuditViewModel vm = fed(TicketEscalation.session(), run.frames());
        assertTrue(vm.kindChoices().contains("ticket"), vm.kindChoices().toString());
        long versions = run.frames().stream().mapToLong(f -> f.tickets().actions().size()).sum();
        assertTrue(versions >= 2, "the escalation pending, then executed: " + versions);
        assertEquals(versions, vm.count(AuditKind.TICKET), "one row per ticket action version, as in audit.jsonl");

        List<AuditRow> rows = oldestFirst(vm);
        String escalate = "escalate_engineering";
        int pending = indexOf(rows, r -> r.kind() == AuditKind.TICKET && r.action().equals(escalate)
                && r.status().equals("pending"));
        int approval = indexOf(rows, r -> r.kind() == AuditKind.APPROVAL && r.action().equals(escalate));
        int executed = indexOf(rows, r -> r.kind() == AuditKind.TICKET && r.action().equals(escalate)
                && r.status().equals("executed"));
        assertTrue(pending < approval && approval == executed - 1, pending + " < " + approval + " < " + executed);
        assertEquals("approved", rows.get(approval).status());
        assertEquals("operator", rows.get(executed).approval());
        assertEquals("cluster C-1", rows.get(pending).target());
        assertEquals("cluster C-1", rows.get(approval).target());
        assertTrue(rows.get(pending).note().startsWith("#" + TicketEscalation.ESCALATION + " reaches 3 merchants: "),
                rows.get(pending).note());

        vm.kindFilterProperty().set("ticket");
        assertEquals(versions, vm.filteredRows().size());
        assertTrue(vm.filteredRows().stream().allMatch(r -> r.kind() == AuditKind.TICKET));
        vm.filterTextProperty().set("escalate c-1 executed");
        assertEquals(1, vm.filteredRows().size(), vm.filteredRows().toString());
    }

    @Test
    void liveRowsCarryTheWallClockAndAReplaysDoNot() {
        AuditViewModel live = fed();
        assertTrue(live.rows().stream().allMatch(r -> WALL.equals(r.wallAt()) && r.wall().equals("10:15:30")));
        SessionInfo replay = new SessionInfo(TestFrames.scenario("stripe-outage", 7), "agent", false);
        AuditViewModel replayed = fed(replay, frames);
        assertFalse(replayed.rows().isEmpty());
        assertTrue(replayed.rows().stream().allMatch(r -> r.wallAt() == null && r.wall().equals("—")),
                "a replay's frames do not say when they happened");
    }

    @Test
    void csvExportHoldsTheRowsShownOldestFirst() throws Exception {
        AuditViewModel vm = fed();
        vm.filterTextProperty().set("stripe");
        vm.kindFilterProperty().set("approval");
        List<String> lines = vm.exportText(AuditExport.CSV).lines().toList();
        assertEquals(AuditExport.CSV_HEADER, lines.get(0));
        assertEquals(List.of(
                        "330000,330,2025-03-01T10:15:30Z,approval,open_circuit on gateway=stripe,gateway=stripe,approved,"
                                + "operator,—,#" + requestId + " approved by operator"),
                lines.subList(1, lines.size()));

        // fields with a comma are quoted; the chaos row's action and note both have one; oldest first
        vm.filterTextProperty().set("");
        vm.kindFilterProperty().set(AuditViewModel.ALL_KINDS);
        List<String> all = vm.exportText(AuditExport.CSV).lines().toList();
        assertEquals(vm.rows().size() + 1, all.size());
        assertTrue(all.contains("330000,330,2025-03-01T10:15:30Z,chaos,\"inject latency_spike ×3, 60 s\",gateway=adyen,"
                + "applied,—,—,\"fault chaos-1, starts now\""), String.join("\n", all));
        List<Long> times = all.subList(1, all.size()).stream().map(l -> Long.parseLong(l.substring(0, l.indexOf(','))))
                .toList();
        assertEquals(times.stream().sorted().toList(), times, "oldest first");

        Path file = dir.resolve(vm.exportFileName(AuditExport.CSV));
        assertEquals("audit-stripe-outage.csv", file.getFileName().toString());
        vm.export(file, AuditExport.CSV);
        assertEquals(vm.exportText(AuditExport.CSV), Files.readString(file, StandardCharsets.UTF_8));
        assertEquals("Exported " + vm.rows().size() + " rows as CSV to " + file, vm.exportMessageProperty().get());
    }

    @Test
    void jsonLinesExportHasOneObjectPerRow() throws Exception {
        AuditViewModel vm = fed();
        vm.kindFilterProperty().set("chaos");
        List<String> lines = vm.exportText(AuditExport.JSON_LINES).lines().toList();
        assertEquals(1, lines.size());
        JsonNode chaos = Json.mapper().readTree(lines.get(0));
        assertEquals(330000, chaos.get("simMillis").asLong());
        assertEquals("2025-03-01T10:15:30Z", chaos.get("wallTime").asText());
        assertEquals("chaos", chaos.get("kind").asText());
        assertEquals("gateway=adyen", chaos.get("target").asText());
        assertEquals("fault chaos-1, starts now", chaos.get("note").asText());

        Path unwritable = dir.resolve("no-such-folder").resolve("audit.jsonl");
        vm.export(unwritable, AuditExport.JSON_LINES);
        assertTrue(vm.exportMessageProperty().get().startsWith("Could not write " + unwritable),
                vm.exportMessageProperty().get());
    }

    @Test
    void aCsvCellThatASpreadsheetWouldRunIsDefused() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", AuditExport.cell("=HYPERLINK(\"x\")"));
        assertEquals("'@sum", AuditExport.cell("@sum"));
        assertEquals("-3.5", AuditExport.cell("-3.5"), "a number stays a number");
        assertEquals("\"a \"\"b\"\"\"", AuditExport.cell("a \"b\""));
        assertEquals("", AuditExport.cell(null));
    }

    @Test
    void theTableIsBoundedAndDropsTheOldest() {
        AuditViewModel vm = fed();
        Frame template = frames.get(frames.size() - 1);
        List<Command> speeds = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            speeds.add(new Command.SetSpeed(i + 1));
        }
        long at = template.simMillis();
        int batches = 50;
        for (int b = 0; b < batches; b++) {
            at += 1000;
            vm.onFrames(FrameBatch.of(new Frame(template.tick() + b + 1, at, false, template.snapshot(),
                    template.routing(), template.faults(), PolicyStep.NONE, template.totals(), speeds, List.of())));
        }
        assertEquals(AuditViewModel.MAX_ROWS, vm.rows().size());
        AuditRow newest = vm.rows().get(0);
        assertEquals(AuditKind.OPERATOR, newest.kind());
        assertEquals("speed ×250", newest.action());
        assertFalse(vm.rows().stream().anyMatch(r -> r.kind() == AuditKind.DECISION), "the oldest rows went first");
        assertEquals(batches * speeds.size(), vm.count(AuditKind.OPERATOR), "counts cover the whole session");
    }

    @Test
    void aNewSessionStartsAnEmptyTrail() {
        AuditViewModel vm = fed();
        vm.onSessionStart(TestFrames.session("quiet", 7));
        assertTrue(vm.rows().isEmpty());
        assertEquals(0, vm.count(AuditKind.EXECUTION));
        assertEquals(0, vm.totalProperty().get());
        assertEquals("no rows yet", vm.summaryProperty().get());
    }
}
