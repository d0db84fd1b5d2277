package io.payops.ui.ingest;

import io.payops.connect.ConnectorHealth;
import io.payops.domain.Frame;
import io.payops.store.SessionMeta;
import io.payops.store.SessionReader;
import io.payops.ui.approvals.ApprovalsViewModel;
import io.payops.ui.chaos.ChaosViewModel;
import io.payops.ui.fx.FramePump;
import io.payops.ui.fx.QueuedExecutor;
import io.payops.ui.fx.SameThreadExecutor;
import io.payops.ui.gateways.GatewaysViewModel;
import io.payops.ui.shell.ShellViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console over an event log, without a stage: the log is opened and read on the test's thread (synchronous
 * executors and host), so when {@code open} returns the whole file has gone through the engine, and one pulse of
 * the pump hands the end state to the panes' ViewModels.
 */
class EventLogViewModelTest {
    /**
     * How long to wait for the state writer to close the recording: it returns as soon as it is closed, so this
     * only has to be far more than a loaded machine needs (the assertions that follow read the closed recording).
     */
    private static final long CLOSE_MILLIS = 120_000;

    @TempDir
    Path dir;

    private final FramePump pump = new FramePump();
    private final EventLogFixture.SynchronousHost host = new EventLogFixture.SynchronousHost();
    private ShellViewModel console;
    private EventLogViewModel vm;
    private GatewaysViewModel gateways;
    private ChaosViewModel chaos;
    private ApprovalsViewModel approvals;

    /** The state writer finishes before the temporary folder is removed. */
    @AfterEach
    void endRecording() {
        if (console != null) {
            console.stop();
            console.awaitRecordingClosed(CLOSE_MILLIS);
        }
    }

    private void build() {
        console = new ShellViewModel(pump, host, "stripe-outage", 7, 1, dir.resolve("state").toString());
        gateways = new GatewaysViewModel();
        chaos = new ChaosViewModel(console.commands());
        approvals = new ApprovalsViewModel(console.commands());
        pump.addListener(gateways);
        pump.addListener(chaos);
        pump.addListener(approvals);
        vm = new EventLogViewModel(pump, console, SameThreadExecutor.INSTANCE);
    }

    @Test
    void theKafkaDialogsFieldsAreCheckedAndAWrongOneSaysWhichAndWhatWasExpected() {
        build();
        String bootstrap = vm.connectKafka("localhost", "payments", "payops", "latest");
        assertTrue(bootstrap.startsWith("Bootstrap servers: 'localhost' is not a broker address (expected host:port"),
                bootstrap);
        assertTrue(vm.connectKafka("127.0.0.1:9092", " ", "payops", "latest").startsWith("Topic: missing"));
        assertTrue(vm.connectKafka("127.0.0.1:9092", "payments", "a b", "latest").startsWith("Group: 'a b'"));
        assertFalse(vm.openingProperty().get(), "nothing connects until the fields are right");
        assertFalse(vm.isActive());
    }

    /**
     * Connected to a topic, the status line's connectors have the feed's health from the start (while waiting for the
     * first records too: a broker that is not there shows), in the words of a source; leaving takes it away.
     */
    @Test
    void aKafkaTopicsHealthIsAConnectorOfTheStatusLineWhileConnected() throws Exception {
        QueuedExecutor fx = QueuedExecutor.bothQueued();
        console = new ShellViewModel(pump, host, "stripe-outage", 7, 1, dir.resolve("state").toString());
        vm = new EventLogViewModel(pump, console, fx);
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();   // free again: no broker there
        }
        assertEquals(List.of(), vm.sourceHealth());
        assertNull(vm.connectKafka("127.0.0.1:" + port, "payments", "payops", "earliest"));
        Thread waiting = new Thread(fx::runBackground, "waiting-for-records");
        waiting.start();
        fx.runFxUntil("the feed's health is shown", () -> !vm.sourceHealth().isEmpty());
        ConnectorHealth h = vm.sourceHealth().get(0);
        assertEquals("kafka 127.0.0.1:" + port + "/payments", h.name());
        assertEquals(ConnectorHealth.Direction.IN, h.direction());
        assertTrue(h.counts().startsWith("0 records read, "), h.counts());

        vm.backToLive();
        assertEquals(List.of(), vm.sourceHealth(), "left: no Kafka in the status line");
        waiting.join(TimeUnit.SECONDS.toMillis(60));
        assertFalse(waiting.isAlive(), "the wait for the first records gave up once left");
        fx.runAllFx();
        assertEquals(List.of(), vm.sourceHealth(), "a late notice of the left topic brings nothing back");
    }

    @Test
    void aFileIsReadFlatOutIntoTheSamePanesWithRoutingRecommendedAndChaosOff() throws IOException {
        Path log = dir.resolve("so.jsonl");
        long written = EventLogFixture.export("stripe-outage", 900, log);
        build();

        vm.open(log, false);
        pump.pulse();

        assertTrue(vm.isActive());
        assertEquals(1, host.started, "the log runs on the engine host, not the caller's thread of its own");
        assertEquals(1.0, vm.progressProperty().get());
        assertEquals(written, vm.eventsProperty().get());
        assertEquals(String.format(Locale.ROOT, "Read %,d events (0 bad) from so.jsonl — 900 s of traffic", written),
                vm.statusProperty().get());
        assertEquals(EventLogViewModel.EVENT_LOG_BADGE, vm.badgeProperty().get());
        assertEquals("PayOps — EVENT LOG so.jsonl", vm.windowTitleProperty().get());
        assertFalse(vm.readingProperty().get(), "the progress bar goes once the file is read");
        assertFalse(vm.failedProperty().get());
        assertTrue(vm.badLines().isEmpty());
        assertNull(vm.errorProperty().get());

        Frame last = pump.lastApplied();
        assertNotNull(last, "frames reached the panes");
        assertTrue(last.finished());
        assertEquals(900_000, last.simMillis());
        assertEquals(List.of("stripe", "adyen", "razorpay", "paypal"),
                gateways.cards().stream().map(c -> c.gateway()).sorted(this::byWorldOrder).toList());
        assertEquals(GatewaysViewModel.RECOMMENDED_ROUTING, gateways.routingNoteProperty().get());
        assertFalse(chaos.liveProperty().get(), "chaos controls are off");
        assertEquals(ChaosViewModel.UNAVAILABLE_OPEN_LOOP, chaos.unavailableProperty().get());
        assertTrue(approvals.liveProperty().get(), "approvals still reach the engine");
        assertTrue(console.session().openLoop());

        // the recording is whole (the waiting writer drops nothing), so the session can be replayed
        console.stop();
        console.awaitRecordingClosed(CLOSE_MILLIS);
        Path session;
        try (Stream<Path> s = Files.list(dir.resolve("state").resolve("sessions"))) {
            session = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        SessionReader reader = SessionReader.open(session, p -> { });
        try {
            assertEquals(SessionMeta.COMPLETE, reader.meta().status());
            assertTrue(reader.meta().scenario().eventLog(), "a replay knows the traffic came from a log (open loop)");
            assertEquals(last.tick(), reader.frame(reader.size() - 1).tick());
            assertEquals(reader.size() - 1, reader.frame(reader.size() - 1).tick() - reader.frame(0).tick(),
                    "no frame was dropped");
        } finally {
            reader.close();
        }
    }

    private int byWorldOrder(String a, String b) {
        List<String> order = List.of("stripe", "adyen", "razorpay", "paypal");
        return Integer.compare(order.indexOf(a), order.indexOf(b));
    }

    @Test
    void badLinesAreCountedAndTheFirstTenShown() throws IOException {
        Path log = dir.resolve("some-bad.jsonl");
        long written = EventLogFixture.export("quiet", 300, log);
        List<String> lines = Files.readAllLines(log);
        for (int i = 0; i < 12; i++) {
            lines.add(100 + i * 10, "this is not an event " + i);
        }
        Files.write(log, lines);
        build();

        vm.open(log, false);
        pump.pulse();

        assertEquals(written, vm.eventsProperty().get());
        assertEquals(10, vm.badLines().size(), "the first ten of twelve");
        assertEquals(101, vm.badLines().get(0).line());
        assertTrue(vm.statusProperty().get().startsWith(String.format(Locale.ROOT, "Read %,d events (12 bad) from "
                + "some-bad.jsonl", written)), vm.statusProperty().get());
        assertTrue(vm.badLinesTextProperty().get().contains("12 of "), vm.badLinesTextProperty().get());
        assertTrue(vm.badLinesTextProperty().get().contains("line 101: "), vm.badLinesTextProperty().get());
        assertFalse(vm.failedProperty().get(), "a few bad lines are not a failure");
    }

    @Test
    void moreThanHalfBadIsShownAsAFailure() throws IOException {
        Path log = dir.resolve("mostly-bad.jsonl");
        EventLogFixture.export("quiet", 300, log);
        List<String> good = Files.readAllLines(log).subList(0, 40);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < good.size(); i++) {
            b.append(good.get(i)).append('\n').append("{\"ts\": \"yesterday\"}\n").append("garbage\n");
        }
        Files.writeString(log, b.toString());
        build();

        vm.open(log, false);
        pump.pulse();

        assertTrue(vm.failedProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("Failed: more than half the lines are bad."),
                vm.statusProperty().get());
        assertTrue(vm.errorProperty().get().contains("80 of 120 lines are bad, more than half"),
                vm.errorProperty().get());
        assertEquals(10, vm.badLines().size());
    }

    @Test
    void aMissingOrEmptyFileGivesAMessageAndLiveTrafficIsLeftAlone() throws IOException {
        build();
        vm.open(dir.resolve("nope.jsonl"), false);
        assertFalse(vm.isActive());
        assertFalse(vm.openingProperty().get());
        assertTrue(vm.errorProperty().get().contains("nope.jsonl"), vm.errorProperty().get());
        assertEquals(0, host.started, "nothing was started, nothing stopped");

        Path empty = Files.createFile(dir.resolve("empty.csv"));
        vm.open(empty, false);
        assertFalse(vm.isActive());
        assertTrue(vm.errorProperty().get().contains("has no events"), vm.errorProperty().get());

        Path binary = dir.resolve("binary.jsonl");
        Files.write(binary, new byte[] {0, 1, 2, (byte) 0xff, 10, 0, 3});
        vm.open(binary, false);
        assertFalse(vm.isActive());
        assertNotNull(vm.errorProperty().get());
        assertEquals(0, host.started);
    }

    @Test
    void aFollowedFileIsReadAsItGrowsAndBackToLiveStopsIt() throws Exception {
        Path full = dir.resolve("full.jsonl");
        EventLogFixture.export("quiet", 600, full);
        List<String> lines = Files.readAllLines(full);
        Path log = dir.resolve("growing.jsonl");
        Files.write(log, lines.subList(0, 2_000));

        EventLogFixture.ThreadHost threads = new EventLogFixture.ThreadHost();
        QueuedExecutor fx = QueuedExecutor.fxQueued();
        console = new ShellViewModel(pump, threads, "quiet", 7, 1, dir.resolve("state").toString());
        gateways = new GatewaysViewModel();
        pump.addListener(gateways);
        vm = new EventLogViewModel(pump, console, fx);

        vm.open(log, true);
        fx.runFxUntil("the log is open", () -> vm.isActive());
        assertTrue(vm.followingProperty().get());
        assertEquals(EventLogViewModel.FOLLOWING_BADGE, vm.badgeProperty().get());
        assertFalse(vm.readingProperty().get(), "no progress bar while following: the file has no end");
        fx.runFxUntil("2,000 events are counted", () -> vm.eventsProperty().get() == 2_000);
        assertTrue(vm.statusProperty().get().startsWith("Following growing.jsonl · 2,000 events · last event at 2026-01-01"),
                vm.statusProperty().get());

        Files.write(log, lines.subList(2_000, 5_000), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        fx.runFxUntil("5,000 events are counted", () -> vm.eventsProperty().get() == 5_000);
        assertTrue(threads.running(), "following never ends on its own");
        pump.pulse();
        assertEquals(GatewaysViewModel.RECOMMENDED_ROUTING, gateways.routingNoteProperty().get());

        vm.backToLive();
        assertFalse(vm.isActive());
        assertFalse(console.session().openLoop(), "the simulator runs again");
        threads.stop();
        console.stop();
        console.awaitRecordingClosed(CLOSE_MILLIS);
    }
}
