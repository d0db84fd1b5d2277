package io.payops.engine;

import io.payops.domain.Approval;
import io.payops.domain.Command;
import io.payops.domain.Frame;
import io.payops.ui.fx.TestFrames;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pacing to a fake wall clock: speed sets the wall time per tick, pause stops ticks, failures end the run quietly. */
class LiveRunnerTest {
    /** A clock that only moves when the runner sleeps, and stops the runner after a number of sleeps. */
    private static final class FakeClock implements LiveRunner.Clock {
        long now;
        final List<Long> sleeps = new ArrayList<>();
        Runnable onSleep = () -> { };

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepNanos(long nanos) {
            sleeps.add(nanos);
            now += Math.max(0, nanos);
            onSleep.run();
        }
    }

    @Test
    void atTimesTenEachOneSecondTickTakesATenthOfAWallSecond() {
        Engine engine = TestFrames.engine("quiet", 7);
        FakeClock clock = new FakeClock();
        List<Frame> frames = new ArrayList<>();
        LiveRunner runner = new LiveRunner(engine, 10, frames::add, t -> { throw new AssertionError(t); }, clock);
        clock.onSleep = () -> {
            if (frames.size() >= 5) {
                runner.stop();
            }
        };
        runner.run();
        assertEquals(5, frames.size());
        assertEquals(5000, frames.get(4).simMillis());
        // the engine step takes real time but the fake clock does not move during it: each sleep is the full 100 ms
        assertEquals(100_000_000L, clock.sleeps.get(0));
    }

    @Test
    void pausedRunnerDoesNotStepAndRecordsThePauseWhenResumed() {
        Engine engine = TestFrames.engine("quiet", 7);
        FakeClock clock = new FakeClock();
        List<Frame> frames = new ArrayList<>();
        LiveRunner runner = new LiveRunner(engine, 100, frames::add, t -> { throw new AssertionError(t); }, clock);
        runner.setPaused(true);
        clock.onSleep = () -> {
            if (clock.sleeps.size() == 10) {
                assertEquals(0, frames.size(), "no tick while paused");
                runner.setPaused(false);
            }
            if (frames.size() >= 2) {
                runner.stop();
            }
        };
        runner.run();
        assertEquals(2, frames.size());
        assertEquals(10, runner.pausedPolls(), "each sleep while paused is counted, and only those");
        List<Command> applied = frames.get(0).commands();
        assertEquals(List.of(new Command.Pause(true), new Command.Pause(false)), applied);
    }

    @Test
    void speedOutsideOneToHundredIsRefusedWithTheRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LiveRunner.checkSpeed(500));
        assertTrue(e.getMessage().contains("from 1 to 100"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LiveRunner.checkSpeed(Double.NaN));
    }

    @Test
    void anEngineFailureGoesToTheFailureHandlerAndEndsTheRun() {
        Engine engine = TestFrames.engine("quiet", 7);
        FakeClock clock = new FakeClock();
        List<Throwable> failures = new ArrayList<>();
        LiveRunner runner = new LiveRunner(engine, 1, f -> { throw new IllegalStateException("boom"); },
                failures::add, clock);
        runner.run();
        assertEquals(1, failures.size());
        assertInstanceOf(IllegalStateException.class, failures.get(0));
        assertTrue(runner.stopped());
    }

    @Test
    void recommendOnlyCommandMakesTheAgentAskBeforeEveryRoutingChange() {
        Engine engine = TestFrames.engine("sbi-degradation", 7);
        engine.submit(new Command.SetRecommendOnly(true));
        List<Frame> frames = TestFrames.step(engine, 420);
        long executedAlone = frames.stream().flatMap(f -> f.step().actions().stream())
                .filter(r -> r.action().type().changesRouting() && r.approval() == Approval.NONE
                        && r.status() == io.payops.domain.ActionStatus.EXECUTED && !r.recovery())
                .count();
        long asked = frames.stream().flatMap(f -> f.step().actions().stream())
                .filter(r -> r.status() == io.payops.domain.ActionStatus.PENDING).count();
        assertEquals(0, executedAlone, "nothing changes routing without a human in recommend-only mode");
        assertTrue(asked >= 1, "the agent still recommends: it raises an approval request");
    }

    @Test
    void anUnpacedRunnerStepsWithoutSleepingAndRunsItsEndWorkHoweverItEnds() {
        Engine engine = new Engine(TestFrames.scenario("quiet", 7).withDuration(30), PolicyFactory.create("static",
                RunSettings.of("static"), TestFrames.scenario("quiet", 7).world()), EngineOptions.DEFAULT, null);
        FakeClock clock = new FakeClock();
        List<Frame> frames = new ArrayList<>();
        List<String> ends = new ArrayList<>();
        LiveRunner runner = LiveRunner.unpaced(engine, frames::add, t -> { throw new AssertionError(t); }, clock);
        runner.afterLastTick(() -> ends.add("closed"));
        runner.run();
        assertEquals(30, frames.size(), "to the scenario's end");
        assertTrue(clock.sleeps.isEmpty(), "no wall-clock pacing: " + clock.sleeps);
        assertEquals(List.of("closed"), ends);
        assertTrue(runner.stopped());
    }
}
