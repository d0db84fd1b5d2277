package io.payops.store;

import io.payops.common.Json;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The one writer of a state folder (DESIGN §5.6): {@code state/.lock}, held with an OS file lock for the whole of a
 * recorded session, so the state files, the session ids, retention and lessons.json have one writer at a time and a
 * second process cannot delete a recording that is still being written or overwrite lessons it has not read. The OS
 * releases the lock when a process dies, even by {@code kill -9}, so a crash never leaves the folder locked.
 *
 * <p>The OS lock is per process (a second lock from the same JVM would throw), so sessions of one process, such as
 * the console's restarts, also queue on an in-process gate. The lock file holds who has it (pid, what, since when),
 * for the message of whoever has to wait; it is never deleted, because deleting a lock file lets two processes each
 * lock a different file of the same name.
 */
public final class StateFolderLock implements AutoCloseable {
    public static final String FILE = ".lock";
    /**
     * How often a waiter tries again. A poll rather than a blocking lock, so a waiting session can still be stopped
     * (a blocked FileChannel.lock only ends by closing the channel); a quarter second is far below what a person
     * notices and costs nothing.
     */
    static final long RETRY_MILLIS = 250;

    private static final Map<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();

    /** Who holds the folder, as written in the lock file; any part may be unknown (null) in a damaged file. */
    public record Holder(Long pid, String what, String since) {
        /** "pid 1234, a command-line run, since 2026-12-07T10:02:11Z", with the parts known. */
        public String describe() {
            StringBuilder b = new StringBuilder();
            b.append(pid == null ? "another process" : "pid " + pid);
            if (what != null) {
                b.append(", ").append(clip(what));
            }
            if (since != null) {
                b.append(", since ").append(clip(since));
            }
            return b.toString();
        }

        /** The lock file is anyone's to write: a long value is cut, not echoed whole. */
        private static String clip(String s) {
            return s.length() <= 80 ? s : s.substring(0, 80) + "…";
        }
    }

    private final Path dir;
    private final Semaphore gate;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean released;

    private StateFolderLock(Path dir, Semaphore gate, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.gate = gate;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the folder if no one has it.
     *
     * @param what what this process is, for others' messages ("a command-line run", "the console")
     * @return the lock, or null when another session, in this process or another, holds the folder
     */
    public static StateFolderLock tryAcquire(Path dir, String what) throws IOException {
        Semaphore gate = gate(dir);
        if (!gate.tryAcquire()) {
            return null;
        }
        try {
            StateFolderLock l = tryOsLock(dir, gate, what);
            if (l == null) {
                gate.release();
            }
            return l;
        } catch (IOException | RuntimeException e) {
            gate.release();
            throw e;
        }
    }

    /**
     * Takes the folder, waiting for whoever has it; {@code waiting} is told once who that is, before the wait.
     *
     * @param stopped asked between tries: true gives up the wait
     * @return the lock, or null when {@code stopped} said so first
     */
    public static StateFolderLock acquire(Path dir, String what, Consumer<Holder> waiting, BooleanSupplier stopped)
            throws IOException, InterruptedException {
        return take(dir, what, waiting, stopped, true);
    }

    /**
     * Takes the folder unless another process has it: waits only for this process's own earlier session, which is
     * ending (the console's restart), never for another process.
     *
     * @return the lock, or null when another process has the folder or {@code stopped} said so first
     */
    public static StateFolderLock acquireUnlessOthersHaveIt(Path dir, String what, BooleanSupplier stopped)
            throws IOException, InterruptedException {
        return take(dir, what, h -> { }, stopped, false);
    }

    private static StateFolderLock take(Path dir, String what, Consumer<Holder> waiting, BooleanSupplier stopped,
                                        boolean waitForOthers) throws IOException, InterruptedException {
        Semaphore gate = gate(dir);
        boolean told = false;
        while (!gate.tryAcquire(RETRY_MILLIS, TimeUnit.MILLISECONDS)) {
            if (!told) {
                waiting.accept(new Holder(ProcessHandle.current().pid(), "another session of this process", null));
                told = true;
            }
            if (stopped.getAsBoolean()) {
                return null;
            }
        }
        try {
            while (true) {
                StateFolderLock l = tryOsLock(dir, gate, what);
                if (l != null) {
                    return l;
                }
                if (!waitForOthers || stopped.getAsBoolean()) {
                    gate.release();
                    return null;
                }
                if (!told) {
                    waiting.accept(holder(dir));
                    told = true;
                }
                Thread.sleep(RETRY_MILLIS);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            gate.release();
            throw e;
        }
    }

    /** Who holds the folder now, as its lock file says (all unknown when it cannot be read). */
    public static Holder holder(Path dir) {
        try {
            byte[] bytes = readSmall(dir.resolve(FILE));
            Holder h = bytes.length == 0 ? null : Json.mapper().readValue(bytes, Holder.class);
            return h == null ? new Holder(null, null, null) : h;
        } catch (IOException e) { // JacksonException is one: a damaged lock file says as little as a missing one
            return new Holder(null, null, null);
        }
    }

    public Path dir() {
        return dir;
    }

    /** Gives the folder up; the OS lock first, then the in-process gate. Idempotent. */
    @Override
    public synchronized void close() {
        if (released) {
            return;
        }
        released = true;
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel below releases it too
        } finally {
            try {
                channel.close();
            } catch (IOException e) {
                // the OS drops the lock with the descriptor, closed or not, when the process ends
            }
            gate.release();
        }
    }

    private static StateFolderLock tryOsLock(Path dir, Semaphore gate, String what) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        if (Files.isSymbolicLink(file) || (Files.exists(file) && !Files.isRegularFile(file))) {
            throw new IOException(file + " is not a regular file (expected the state folder's lock file)");
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        if (l == null) {
            ch.close();
            return null;
        }
        // who has it, for the message of the next one to come; informative only, so a failure here is no failure
        try {
            byte[] me = Json.mapper().writeValueAsBytes(new Holder(ProcessHandle.current().pid(), what,
                    Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()));
            ch.truncate(0);
            ByteBuffer buf = ByteBuffer.wrap(me);
            while (buf.hasRemaining()) {
                ch.write(buf, me.length - buf.remaining());
            }
        } catch (IOException e) {
            // the lock is what matters
        }
        return new StateFolderLock(dir, gate, ch, l);
    }

    private static byte[] readSmall(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            // a lock file we wrote is a few dozen bytes; more is not ours and not worth reading
            ByteBuffer buf = ByteBuffer.allocate(4096);
            while (buf.hasRemaining() && ch.read(buf) > 0) {
                // keep reading
            }
            return java.util.Arrays.copyOf(buf.array(), buf.position());
        }
    }

    /** One gate per folder, by its real path, so two spellings of one folder share it. */
    private static Semaphore gate(Path dir) throws IOException {
        Files.createDirectories(dir);
        return IN_PROCESS.computeIfAbsent(dir.toRealPath(), p -> new Semaphore(1));
    }
}
