package io.payops.ui.replay;

import io.payops.domain.ApprovalMode;
import io.payops.domain.Frame;
import io.payops.engine.Engine;
import io.payops.engine.EngineOptions;
import io.payops.engine.PolicyFactory;
import io.payops.engine.RunSettings;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import io.payops.store.SessionMeta;
import io.payops.store.SessionRecorder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A short recording for the replay tests: stripe-outage (Stripe fails from t = 300 s), seed 7, 600 simulated
 * seconds, the agent with a simulated operator approving after 60 s. Recorded the way the console records.
 */
final class RecordedSession {
    static final String ID = "2026-11-21T10-00-00-stripe-outage";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

    private RecordedSession() {
    }

    /** Records into {@code <stateDir>/sessions/<id>} and returns the frames written. */
    static List<Frame> record(Path sessionDir) {
        Scenario scenario = ScenarioLoader.builtIn("stripe-outage").withSeed(7).withDuration(600);
        ApprovalMode approval = ApprovalMode.parse("auto:60");
        Engine engine = new Engine(scenario, PolicyFactory.create("agent",
                new RunSettings("agent", approval, "heuristic"), scenario.world()), EngineOptions.DEFAULT, null);
        String id = sessionDir.getFileName().toString();
        SessionMeta meta = new SessionMeta(SessionMeta.FORMAT, id, "2026-11-21T10:00:00Z", null, scenario, "agent",
                approval.toString(), "heuristic", EngineOptions.DEFAULT.tickMillis(), false, List.of(), 0, 0, 0, SessionMeta.RECORDING, null);
        List<Frame> frames = new ArrayList<>();
        try (SessionRecorder rec = new SessionRecorder(sessionDir, meta, CLOCK)) {
            while (!engine.finished()) {
                Frame f = engine.step();
                frames.add(f);
                rec.write(f);
            }
            rec.finish(SessionMeta.COMPLETE, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return frames;
    }

    /** The newest agent cycle's time at or before frame {@code index}, or -1. */
    static long cycleAtOrBefore(List<Frame> frames, int index) {
        for (int i = index; i >= 0; i--) {
            Frame f = frames.get(i);
            if (f.step() != null && f.step().cycle() != null) {
                return f.step().cycle().atMillis();
            }
        }
        return -1;
    }
}
