package io.payops.connect.all;

import io.payops.connect.Connector;
import io.payops.connect.ConnectorHealth;
import io.payops.connect.ConnectorSession;
import io.payops.connect.ConnectorSettings;
import io.payops.domain.ApprovalMode;
import io.payops.domain.Frame;
import io.payops.engine.RunSettings;
import io.payops.run.ScenarioRunner;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import io.payops.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run tells every connector its session's start, each frame, and its end, in that order; a connector that cannot
 * start stops the command line's start, and only itself in the console's.
 */
class ConnectorsTest {
    /** Records what it is told. */
    static final class Recording implements Connector {
        final List<String> told = new ArrayList<>();
        ConnectorSession session;
        long frames;

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public void sessionStarted(ConnectorSession s) {
            session = s;
            told.add("start " + s.scenario());
        }

        @Override
        public void frame(Frame frame) {
            if (frames++ == 0) {
                told.add("frames");
            }
        }

        @Override
        public void sessionEnded() {
            told.add("end");
        }

        @Override
        public ConnectorHealth health() {
            return new ConnectorHealth(name(), frames, 0, 0, 0, null);
        }

        @Override
        public void close() {
            told.add("close");
        }
    }

    @Test
    void aRunIsToldToEveryConnector() {
        Recording a = new Recording();
        Recording b = new Recording();
        Scenario s = ScenarioLoader.builtIn("stripe-outage").withSeed(7).withDuration(60);
        try (Connectors connectors = new Connectors(List.of(a, b))) {
            ScenarioRunner.run(s, new RunSettings("agent", ApprovalMode.parse("auto:60"), "heuristic"), List.of(),
                    null, f -> { }, connectors.listener());
            assertEquals(List.of(a.frames, a.frames), connectors.health().stream().map(ConnectorHealth::delivered)
                    .toList());
        }
        for (Recording r : List.of(a, b)) {
            assertEquals(List.of("start stripe-outage", "frames", "end", "close"), r.told);
            assertTrue(r.frames >= 60, "a frame per tick: " + r.frames);
            assertFalse(r.session.openLoop(), "the simulator closes the loop");
            assertEquals("stripe-outage-seed7", r.session.sessionId());
            assertFalse(r.session.commands().test(new io.payops.domain.Command.Pause(true)),
                    "the session has ended: nothing more reaches its engine");
        }
    }

    @Test
    void noSettingsStartNothing() {
        assertTrue(Connectors.start(ConnectorSettings.NONE, w -> { }).isEmpty());
        assertTrue(Connectors.startWhatCan(ConnectorSettings.NONE, w -> { }).isEmpty());
    }

    /**
     * The console's start: a metrics port that is taken refuses that connector alone, named by its option, and the
     * routing file still runs (and is written); the command line's start refuses the whole setting.
     */
    @Test
    void aConnectorThatCannotStartLeavesTheOthersRunningInTheConsoleButNotOnTheCommandLine(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("routing.json");
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();
            ConnectorSettings settings = new ConnectorSettings(null, port, null, null, file);

            IllegalArgumentException strict = assertThrows(IllegalArgumentException.class,
                    () -> Connectors.start(settings, w -> { }));
            assertTrue(strict.getMessage().startsWith("--metrics-port: port " + port + " is in use"),
                    strict.getMessage());

            try (Connectors connectors = Connectors.startWhatCan(settings, w -> { })) {
                assertFalse(connectors.isEmpty(), "the routing file runs");
                assertEquals(1, connectors.refused().size(), connectors.refused().toString());
                ConnectorHealth refused = connectors.refused().get(0);
                assertEquals("--metrics-port " + port, refused.name());
                assertFalse(refused.running());
                assertTrue(refused.notRunning().startsWith("port " + port + " is in use or not allowed"),
                        refused.notRunning());
                assertEquals("not running", refused.counts());

                List<ConnectorHealth> health = connectors.health();
                assertEquals(List.of("routing file " + file, "--metrics-port " + port),
                        health.stream().map(ConnectorHealth::name).toList(), "the running first, then the refused");
                assertTrue(health.get(0).healthy(), health.toString());

                List<Frame> frames = RoutingOutTest.run(connectors, "stripe-outage", 600);
                int changes = RoutingOutTest.changes(frames).size();
                assertTrue(changes > 0, "the agent changed routing during the outage");
                Await.until("every change written to the file", 30,
                        () -> connectors.health().get(0).delivered() == changes);
                assertTrue(Files.readString(file).contains("\"routing\""), Files.readString(file));
            }
        }
    }
}
