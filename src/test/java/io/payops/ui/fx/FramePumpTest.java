package io.payops.ui.fx;

import io.payops.domain.Frame;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one crossing point: one batch per pulse with every frame since the last, bounded, and never a stale session. */
class FramePumpTest {
    private static final class Recorder implements FrameListener {
        final List<FrameBatch> batches = new ArrayList<>();
        int sessions;

        @Override
        public void onSessionStart(SessionInfo session) {
            sessions++;
        }

        @Override
        public void onFrames(FrameBatch batch) {
            batches.add(batch);
        }
    }

    private final List<Frame> frames = TestFrames.run("quiet", 7, 30);

    @Test
    void noticesFromBackgroundThreadsReachTheFxThreadAtTheNextPulseNewestLast() throws InterruptedException {
        FramePump pump = new FramePump();
        java.util.List<String> shown = new java.util.ArrayList<>();
        pump.setOnNotice(shown::add);
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 30; i++) {
                pump.offerNotice("disk problem " + i);
            }
        });
        writer.start();
        writer.join();
        org.junit.jupiter.api.Assertions.assertTrue(shown.isEmpty(), "nothing crosses before a pulse");
        pump.pulse();
        org.junit.jupiter.api.Assertions.assertEquals(20, shown.size(), "bounded to the newest 20");
        org.junit.jupiter.api.Assertions.assertEquals("disk problem 29", shown.get(shown.size() - 1));
        pump.offerNotice("after a restart");
        pump.startSession(new SessionInfo(io.payops.sim.ScenarioLoader.builtIn("quiet"), "agent", true));
        pump.pulse();
        org.junit.jupiter.api.Assertions.assertEquals("after a restart", shown.get(shown.size() - 1),
                "a notice is not a frame: a new session does not drop it");
    }

    @Test
    void aPulseHandsOverEveryFrameSinceTheLastAsOneBatch() {
        FramePump pump = new FramePump();
        Recorder r = new Recorder();
        pump.addListener(r);
        frames.subList(0, 5).forEach(pump::offer);
        assertTrue(pump.pulse());
        assertFalse(pump.pulse(), "nothing new: no batch");
        assertEquals(1, r.batches.size());
        assertEquals(frames.subList(0, 5), r.batches.get(0).frames());
        assertSame(frames.get(4), r.batches.get(0).latest());
        assertEquals(1, pump.load().pulses());
    }

    @Test
    void framesFromAStoppedSessionNeverReachTheNewOne() {
        FramePump pump = new FramePump();
        Recorder r = new Recorder();
        pump.addListener(r);
        Consumer<Frame> oldEngine = pump.sessionSink();
        oldEngine.accept(frames.get(0));
        pump.startSession(TestFrames.session("quiet", 7));
        Consumer<Frame> newEngine = pump.sessionSink();
        oldEngine.accept(frames.get(1)); // the old engine's last tick lands after the restart
        newEngine.accept(frames.get(2));
        pump.pulse();
        assertEquals(1, r.sessions);
        assertEquals(List.of(frames.get(2)), r.batches.get(0).frames());
    }

    @Test
    void aStalledFxThreadLosesOnlyTheOldestFramesAndIsToldHowMany() {
        FramePump pump = new FramePump();
        Recorder r = new Recorder();
        pump.addListener(r);
        for (int i = 0; i < FramePump.MAX_PENDING + 10; i++) {
            pump.offer(frames.get(i % frames.size()));
        }
        pump.pulse();
        assertEquals(FramePump.MAX_PENDING, r.batches.get(0).frames().size());
        assertEquals(10, r.batches.get(0).dropped());
    }
}
