package io.payops.cli;

import io.payops.domain.Lesson;
import io.payops.engine.LiveSession;
import io.payops.engine.RunSettings;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import io.payops.store.SessionRetention;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A process that uses a state folder as the console does, without a window, for {@code StateFolderConcurrencyIT}: a
 * simulated session paced by the wall clock (×100), recorded with {@code live} true, its notices on stderr. It prints
 * {@code session: DIR} (or {@code session: none} when it runs unrecorded) once its first frame is out, {@code learnt a
 * lesson} the first time it learns one, and ends when
 * the file {@code stop} names exists or after {@code maxFrames} frames.
 *
 * <p>Arguments: STATE SCENARIO SEED STOP_FILE MAX_FRAMES
 */
public final class ConsoleStyleSession {
    private ConsoleStyleSession() {
    }

    public static void main(String[] args) throws Exception {
        Path state = Path.of(args[0]);
        Scenario scenario = ScenarioLoader.resolve(args[1]).withSeed(Long.parseLong(args[2])).withDuration(604_800);
        Path stop = Path.of(args[3]);
        long maxFrames = Long.parseLong(args[4]);
        AtomicLong frames = new AtomicLong();
        AtomicBoolean told = new AtomicBoolean();
        AtomicBoolean learnt = new AtomicBoolean();
        AtomicReference<Lesson> startedWith = new AtomicReference<>();
        LiveSession[] session = new LiveSession[1];
        session[0] = LiveSession.simulated(scenario, RunSettings.of("agent"))
                .paced(100)
                .recordedIn(new LiveSession.Recording(state, SessionRetention.DEFAULT, true,
                        n -> System.err.println("notice: " + n)))
                .frames(f -> {
                    frames.incrementAndGet();
                    List<Lesson> recent = f.step().learning().recent();
                    Lesson head = recent.isEmpty() ? null : recent.get(0);
                    if (frames.get() == 1) {
                        startedWith.set(head);
                    } else if (head != null && !head.equals(startedWith.get()) && learnt.compareAndSet(false, true)) {
                        System.out.println("learnt a lesson");
                        System.out.flush();
                    }
                    if (told.compareAndSet(false, true)) {
                        Path dir = session[0].sessionDir();
                        System.out.println("session: " + (dir == null ? "none" : dir));
                        System.out.flush();
                    }
                })
                .stopWhen(() -> frames.get() >= maxFrames || Files.exists(stop))
                .build();
        session[0].runHere();
        session[0].awaitRecordingClosed(Long.MAX_VALUE);
        System.out.println("ended after " + frames.get() + " frames");
    }
}
