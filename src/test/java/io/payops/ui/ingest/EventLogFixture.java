package io.payops.ui.ingest;

import io.payops.engine.LiveSession;
import io.payops.engine.RunSettings;
import io.payops.ingest.EventLogFormat;
import io.payops.ingest.EventLogWriter;
import io.payops.run.ScenarioRunner;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import io.payops.ui.fx.EngineHost;

import java.io.IOException;
import java.nio.file.Path;

/** Event logs for the console's tests: a simulated run exported as a log, as `run --export-events` writes it. */
final class EventLogFixture {
    private EventLogFixture() {
    }

    /**
     * Exports the first {@code seconds} of {@code scenario} (its own seed) as a JSON-lines event log; returns how
     * many events were written.
     */
    static long export(String scenario, int seconds, Path target) throws IOException {
        Scenario s = ScenarioLoader.builtIn(scenario).withDuration(seconds);
        try (EventLogWriter writer = new EventLogWriter(target, EventLogFormat.JSONL, EventLogWriter.DEFAULT_START)) {
            ScenarioRunner.run(s, RunSettings.of("agent"), writer, f -> { });
            writer.commit();
            return writer.written();
        }
    }

    /** Runs each session's loop to its end on the caller's thread: a file read flat out is over when start returns. */
    static final class SynchronousHost implements EngineHost {
        int started;
        int stops;

        @Override
        public void start(LiveSession session) {
            started++;
            session.loop().run();
        }

        @Override
        public void stop() {
            stops++;
        }
    }

    /** Runs the session's loop on a plain thread, as the console's engine service does; stop ends it and waits for it. */
    static final class ThreadHost implements EngineHost {
        private LiveSession session;
        private Thread thread;

        @Override
        public void start(LiveSession s) {
            stop();
            session = s;
            thread = new Thread(s.loop(), "engine");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void stop() {
            if (session != null) {
                session.stop();
                try {
                    thread.join(60_000); // returns when the thread ends: a loaded machine may take a while
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                session = null;
            }
        }

        boolean running() {
            return thread != null && thread.isAlive();
        }
    }
}
