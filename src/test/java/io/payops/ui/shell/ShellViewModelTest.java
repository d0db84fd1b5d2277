package io.payops.ui.shell;

import io.payops.connect.ConnectorHealth;
import io.payops.connect.ConnectorSettings;
import io.payops.connect.all.Connectors;
import io.payops.domain.Command;
import io.payops.domain.Frame;
import io.payops.engine.LiveSession;
import io.payops.ui.fx.EngineHost;
import io.payops.ui.fx.FramePump;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The toolbar's ViewModel without a stage: the test plays the engine thread by stepping the captured session's engine. */
class ShellViewModelTest {
    /** Keeps the session instead of running its loop, so the test decides when ticks happen. */
    private static final class ManualHost implements EngineHost {
        final List<LiveSession> started = new ArrayList<>();
        int stops;

        @Override
        public void start(LiveSession session) {
            started.add(session);
        }

        @Override
        public void stop() {
            stops++;
        }

        LiveSession current() {
            return started.get(started.size() - 1);
        }
    }

    private FramePump pump;
    private ManualHost host;
    private ShellViewModel vm;

    @BeforeEach
    void setUp() {
        pump = new FramePump();
        host = new ManualHost();
        vm = new ShellViewModel(pump, host, "stripe-outage", 7, 10, "state");
    }

    private Frame tick() {
        Frame f = host.current().engine().step();
        pump.offer(f);
        pump.pulse();
        return f;
    }

    @Test
    void startRunsTheScenarioForAWeekWithTheChosenSeedAndSpeed() {
        assertTrue(vm.start());
        LiveSession r = host.current();
        assertEquals(10, r.speed());
        assertEquals(7, r.engine().scenario().seed());
        assertEquals(ShellViewModel.LIVE_SECONDS, r.engine().scenario().durationSeconds());
        tick();
        tick();
        assertEquals("t = 2 s (0:00:02)", vm.clockProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("running · ×10"), vm.statusProperty().get());
    }

    @Test
    void aBadSeedOrScenarioShowsWhatWasExpectedAndStartsNothing() {
        vm.applySeed("12x");
        assertTrue(vm.errorProperty().get().contains("expected a whole number"), vm.errorProperty().get());
        assertTrue(host.started.isEmpty());
        vm.selectScenario("no-such-scenario");
        assertTrue(vm.errorProperty().get().contains("not a built-in scenario"), vm.errorProperty().get());
        assertTrue(host.started.isEmpty());
        vm.dismissError();
        assertNull(vm.errorProperty().get());
    }

    @Test
    void aNewSeedRestartsTheSession() {
        vm.start();
        tick();
        vm.applySeed(" 42 ");
        assertEquals(2, host.started.size());
        assertEquals(42, host.current().engine().scenario().seed());
        assertEquals("42", vm.seedTextProperty().get());
        assertTrue(host.started.get(0).stopped() || host.stops > 0, "the old session is stopped");
    }

    @Test
    void pauseSpeedAndModeReachTheEngineAndAreRecordedInTheNextFrame() {
        vm.start();
        vm.setPaused(true);
        assertTrue(host.current().paused());
        vm.setSpeed(100);
        vm.setRecommendOnly(true);
        Frame f = tick();
        assertEquals(List.of(new Command.Pause(true), new Command.SetSpeed(100), new Command.SetRecommendOnly(true)),
                f.commands());
        assertTrue(vm.statusProperty().get().startsWith("paused · ×100 · recommend only"), vm.statusProperty().get());
    }

    @Test
    void aSpeedOutOfRangeIsRefusedAndTheOldSpeedKept() {
        vm.start();
        vm.setSpeed(500);
        assertEquals(10, vm.speedProperty().get());
        assertTrue(vm.errorProperty().get().contains("from 1 to 100"));
    }

    @Test
    void aRefusedCommandShowsInTheBanner() {
        vm.start();
        vm.commands().submit(new Command.Decide(999, true, "operator"));
        tick();
        assertNotNull(vm.errorProperty().get());
        assertTrue(vm.errorProperty().get().contains("no pending approval request with id 999"), vm.errorProperty().get());
    }

    @Test
    void anEngineFailureShowsInTheBannerInsteadOfCrashing() {
        vm.start();
        pump.offerFailure(new IllegalStateException("disk on fire"));
        pump.pulse();
        assertTrue(vm.errorProperty().get().contains("disk on fire"));
    }

    @Test
    void commandsWithoutASessionAreNotLostSilently() {
        vm.commands().submit(new Command.RemoveFault("f1"));
        assertTrue(vm.errorProperty().get().contains("No session is running"));
        assertFalse(vm.finishedProperty().get());
    }

    @Test
    void theStatusLineSaysWhichConnectorIsFailingAndTheTooltipGivesEveryCount() {
        vm.showConnectors(java.util.List.of());
        assertEquals("", vm.connectorsStatusProperty().get());
        vm.showConnectors(java.util.List.of(
                new io.payops.connect.ConnectorHealth("alertmanager http://127.0.0.1:9093", 12, 0, 0, 0, null),
                new io.payops.connect.ConnectorHealth("metrics :9400", 40, 0, 0, 0, null)));
        assertEquals("connectors: 2 ok", vm.connectorsStatusProperty().get());
        assertFalse(vm.connectorsFailingProperty().get());
        vm.showConnectors(java.util.List.of(
                new io.payops.connect.ConnectorHealth("alertmanager http://127.0.0.1:9093", 12, 0, 0, 0, null),
                new io.payops.connect.ConnectorHealth("routing-webhook http://127.0.0.1:8080/r", 3, 7, 2, 1,
                        "connection refused")));
        assertEquals("connectors: routing-webhook failing", vm.connectorsStatusProperty().get());
        assertTrue(vm.connectorsFailingProperty().get());
        assertTrue(vm.connectorsDetailProperty().get().contains("routing-webhook http://127.0.0.1:8080/r: 3 delivered, "
                + "7 failed attempts, 2 queued, 1 dropped\n    last failure: connection refused"),
                vm.connectorsDetailProperty().get());
    }

    /** A Kafka topic read is a source: its line says records read, outages and records held, not deliveries. */
    @Test
    void aKafkaTopicReadsInTheStatusLineInTheWordsOfASource() {
        vm.showConnectors(List.of(
                ConnectorHealth.source("kafka 127.0.0.1:9092/payments", 12_345, 0, 3, null),
                new ConnectorHealth("metrics :9400", 40, 0, 0, 0, null)));
        assertEquals("connectors: 2 ok", vm.connectorsStatusProperty().get());
        assertEquals("kafka 127.0.0.1:9092/payments: 12,345 records read, 0 outages, 3 held\n"
                + "metrics :9400: 40 delivered, 0 failed attempts, 0 queued, 0 dropped",
                vm.connectorsDetailProperty().get());

        vm.showConnectors(List.of(ConnectorHealth.source("kafka 127.0.0.1:9092/payments", 12_345, 1, 0,
                "127.0.0.1:9092 is not reachable (no answer within 3 s)")));
        assertEquals("connectors: kafka failing", vm.connectorsStatusProperty().get());
        assertTrue(vm.connectorsFailingProperty().get());
        assertEquals("kafka 127.0.0.1:9092/payments: 12,345 records read, 1 outages, 0 held\n"
                + "    last failure: 127.0.0.1:9092 is not reachable (no answer within 3 s)",
                vm.connectorsDetailProperty().get());
    }

    /**
     * The console starts what can start: a metrics port that is taken is named in the banner's message with its option
     * and why, and shown in the status line as not running, while the routing file runs.
     */
    @Test
    void aConnectorThatCannotStartIsNamedInTheBannerAndShownNotRunningWhileTheOthersRun(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("routing.json");
        try (ServerSocket taken = new ServerSocket(0);
             Connectors connectors = Connectors.startWhatCan(
                     new ConnectorSettings(null, taken.getLocalPort(), null, null, file), w -> { })) {
            int port = taken.getLocalPort();
            vm.setConnectors(connectors);
            String banner = ShellViewModel.notStartedMessage(connectors);
            assertTrue(banner.startsWith("Not started: --metrics-port " + port + ": port " + port
                    + " is in use or not allowed ("), banner);
            assertTrue(banner.endsWith("or leave --metrics-port out; the other connectors run"), banner);

            vm.showConnectors(connectors.health());
            assertEquals("connectors: --metrics-port not running", vm.connectorsStatusProperty().get());
            assertTrue(vm.connectorsFailingProperty().get());
            String detail = vm.connectorsDetailProperty().get();
            assertTrue(detail.startsWith("routing file " + file + ": 0 delivered, 0 failed attempts, 0 queued, "
                    + "0 dropped\n--metrics-port " + port + ": not running\n    port " + port + " is in use"), detail);
        }
    }

    @Test
    void whenNoConnectorCouldStartTheBannerSaysTheConsoleRunsWithout() {
        Connectors none = Connectors.startWhatCan(new ConnectorSettings(null, null,
                java.net.URI.create("http://127.0.0.1:8080/r"), "PAYOPS_TEST_NO_SUCH_VARIABLE", null), w -> { });
        assertTrue(none.isEmpty());
        assertEquals("Not started: --routing-webhook http://127.0.0.1:8080/r: --routing-secret-env: the environment "
                + "variable PAYOPS_TEST_NO_SUCH_VARIABLE is not set (expected the webhook's HMAC secret in it); the "
                + "console runs without connectors", ShellViewModel.notStartedMessage(none));
        assertNull(ShellViewModel.notStartedMessage(Connectors.NONE), "all started: nothing to say");
    }
}
