package io.payops.ui.fx;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one way ViewModels run blocking work: result, failure and coalesced progress on the FX thread; cancellable. */
class BackgroundTaskTest {
    private final List<String> shown = new ArrayList<>();

    @Test
    void theResultCrossesToTheFxThreadOnceTheWorkIsDone() {
        QueuedExecutor ex = QueuedExecutor.bothQueued();
        BackgroundTask.of(() -> "42").onSuccess(shown::add).executeWith(ex);
        assertEquals(1, ex.backgroundQueued());
        assertEquals(0, ex.fxCount(), "nothing crosses before the work ran");

        ex.runBackground();
        assertEquals(List.of(), shown, "not on the worker's thread");
        ex.runFx();
        assertEquals(List.of("42"), shown);
    }

    @Test
    void aFailureReachesOnFailureNotOnSuccess() {
        IOException disk = new IOException("disk full");
        List<Exception> failures = new ArrayList<>();
        BackgroundTask.<String>of(() -> {
            throw disk;
        }).onSuccess(shown::add).onFailure(failures::add).executeWith(SameThreadExecutor.INSTANCE);
        assertEquals(List.of(), shown);
        assertEquals(1, failures.size());
        assertSame(disk, failures.get(0));
    }

    @Test
    void aFailureNobodyHandlesIsThrownOnTheFxThread() {
        QueuedExecutor ex = QueuedExecutor.fxQueued();
        BackgroundTask.of(() -> {
            throw new IllegalStateException("truncated");
        }).executeWith(ex);
        IllegalStateException e = assertThrows(IllegalStateException.class, ex::runFx);
        assertEquals("truncated", e.getMessage());
    }

    @Test
    void progressIsCoalescedToTheNewestValueAndArrivesBeforeTheResult() {
        QueuedExecutor ex = QueuedExecutor.fxQueued();
        List<Double> progress = new ArrayList<>();
        BackgroundTask.withProgress(p -> {
            for (int i = 1; i <= 1_000; i++) {
                p.update(i / 1_000.0);
            }
            return "done";
        }).onProgress(progress::add).onSuccess(shown::add).executeWith(ex);

        assertEquals(2, ex.fxCount(), "one progress update for a thousand reports, then the result");
        ex.runFx();
        assertEquals(List.of(1.0), progress);
        assertEquals(List.of(), shown);
        ex.runFx();
        assertEquals(List.of("done"), shown);
    }

    @Test
    void aCancelledTaskDeliversNothingAndItsWorkSeesIt() {
        QueuedExecutor ex = QueuedExecutor.fxQueued();
        AtomicBoolean sawCancel = new AtomicBoolean();
        List<Double> progress = new ArrayList<>();
        AtomicReference<BackgroundTask<String>> self = new AtomicReference<>();
        self.set(BackgroundTask.withProgress(p -> {
            p.update(0.5);
            self.get().cancel(); // as the FX thread would, while the work runs
            sawCancel.set(p.isCancelled());
            p.update(0.9);
            return "late";
        }));
        self.get().onProgress(progress::add).onSuccess(shown::add).executeWith(ex);

        assertTrue(sawCancel.get());
        assertTrue(self.get().isCancelled());
        ex.runAllFx();
        assertEquals(List.of(), progress, "a progress update queued before the cancel is dropped too");
        assertEquals(List.of(), shown);
    }

    @Test
    void aTaskCancelledBeforeItsTurnNeverRuns() {
        QueuedExecutor ex = QueuedExecutor.bothQueued();
        AtomicBoolean ran = new AtomicBoolean();
        BackgroundTask<String> task = BackgroundTask.of(() -> {
            ran.set(true);
            return "x";
        }).onSuccess(shown::add).executeWith(ex);
        task.cancel();
        ex.runBackground();
        assertFalse(ran.get());
        assertEquals(0, ex.fxCount());
    }

    @Test
    void aTaskRunsOnce() {
        BackgroundTask<String> task = BackgroundTask.of(() -> "x").executeWith(SameThreadExecutor.INSTANCE);
        assertThrows(IllegalStateException.class, () -> task.executeWith(SameThreadExecutor.INSTANCE));
    }

    @Test
    void newestValueQueuesOneUpdateAtATimeAndLosesNoLateValue() throws InterruptedException {
        QueuedExecutor ex = QueuedExecutor.fxQueued();
        List<Integer> applied = new ArrayList<>();
        NewestValue<Integer> counts = new NewestValue<>(ex, applied::add);
        CountDownLatch done = new CountDownLatch(1);
        Thread engine = new Thread(() -> {
            for (int i = 1; i <= 10_000; i++) {
                counts.offer(i);
            }
            done.countDown();
        }, "engine");
        engine.start();
        done.await();
        assertEquals(1, ex.fxCount(), "ten thousand values, one queued update");
        ex.runFx();
        assertEquals(List.of(10_000), applied);

        counts.offer(10_001); // after the update ran: a new one is queued, not lost
        assertEquals(1, ex.fxCount());
        ex.runFx();
        assertEquals(List.of(10_000, 10_001), applied);
    }
}
