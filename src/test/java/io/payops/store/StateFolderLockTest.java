package io.payops.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One writer per state folder, within a process (the console's sessions) as across processes (which {@code
 * StateFolderConcurrencyIT} checks with real ones): a second taker is refused or waits, and is told who has it.
 */
class StateFolderLockTest {

    @Test
    void aSecondTakerIsRefusedUntilTheFirstLetsGoAndLearnsWhoHasIt(@TempDir Path dir) throws Exception {
        try (StateFolderLock first = StateFolderLock.tryAcquire(dir, "the console")) {
            assertNotNull(first);
            assertNull(StateFolderLock.tryAcquire(dir, "a command-line run"), "one writer at a time");
            assertNull(StateFolderLock.tryAcquire(dir.resolve("."), "a command-line run"),
                    "another spelling of the same folder is the same folder");
            StateFolderLock.Holder h = StateFolderLock.holder(dir);
            assertEquals(ProcessHandle.current().pid(), h.pid());
            assertTrue(h.describe().startsWith("pid " + ProcessHandle.current().pid() + ", the console, since 20"),
                    h.describe());
        }
        try (StateFolderLock again = StateFolderLock.tryAcquire(dir, "a command-line run")) {
            assertNotNull(again, "free once closed");
        }
    }

    @Test
    void aWaiterIsToldOnceAndGetsTheFolderWhenItIsFree(@TempDir Path dir) throws Exception {
        StateFolderLock first = StateFolderLock.tryAcquire(dir, "the console");
        CountDownLatch told = new CountDownLatch(1);
        AtomicReference<StateFolderLock> got = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                got.set(StateFolderLock.acquire(dir, "a command-line run", h -> told.countDown(), () -> false));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        waiter.start();
        told.await();
        assertNull(got.get(), "still waiting while the first has it");
        first.close();
        waiter.join();
        assertNotNull(got.get());
        got.get().close();
    }

    @Test
    void aStoppedWaiterGivesUp(@TempDir Path dir) throws Exception {
        try (StateFolderLock first = StateFolderLock.tryAcquire(dir, "the console")) {
            assertNotNull(first);
            assertNull(StateFolderLock.acquire(dir, "a command-line run", h -> { }, () -> true));
        }
        try (StateFolderLock l = StateFolderLock.tryAcquire(dir, "x")) {
            assertNotNull(l, "giving up left nothing held");
        }
    }

    @Test
    void aLockFileThatIsNotARegularFileIsRefusedNotFollowed(@TempDir Path dir) throws Exception {
        Path target = Files.writeString(dir.resolve("elsewhere"), "keep");
        Path state = Files.createDirectories(dir.resolve("state"));
        Files.createSymbolicLink(state.resolve(StateFolderLock.FILE), target);
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> StateFolderLock.tryAcquire(state, "x"));
        assertTrue(e.getMessage().contains("is not a regular file"), e.getMessage());
        assertEquals("keep", Files.readString(target));
    }
}
