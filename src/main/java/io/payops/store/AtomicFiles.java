package io.payops.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a whole file or nothing: the bytes go to a temporary file in the same folder, are flushed to disk, and the
 * temporary file is renamed over the target. A crash at any moment leaves either the old or the new file.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        writeInExistingFolder(target, bytes);
    }

    /**
     * As {@link #write}, for a file the user asked for (a report): readable by others (rw-r--r--) like any file a
     * program writes, rather than private as the temporary file it was made from.
     */
    public static void writeReadable(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        writeInFolder(target, bytes, true);
    }

    /**
     * As {@link #write}, but never creates the folder: a session's files must not bring back a folder someone
     * deleted under a running recording (the writer would never notice, and a folder of meta.json alone would stay).
     *
     * @throws java.nio.file.NoSuchFileException when the folder is gone
     */
    public static void writeInExistingFolder(Path target, byte[] bytes) throws IOException {
        writeInFolder(target, bytes, false);
    }

    private static void writeInFolder(Path target, byte[] bytes, boolean readable) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            if (readable) {
                readableByOthers(tmp);
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * A file written as a stream, still whole or nothing: bytes go to a temporary file beside the target, and only
     * {@link #commit()} flushes it to disk and renames it over the target; closing without committing deletes it.
     */
    public static final class Streamed implements java.io.Closeable {
        private final Path target;
        private final Path tmp;
        private final FileChannel channel;
        private final java.io.OutputStream out;
        private boolean committed;

        private Streamed(Path target) throws IOException {
            this.target = target;
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            this.tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            readableByOthers(tmp);
            this.channel = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            this.out = new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel), 1 << 16);
        }

        public java.io.OutputStream out() {
            return out;
        }

        public void commit() throws IOException {
            out.flush();
            channel.force(true);
            channel.close();
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        }

        @Override
        public void close() throws IOException {
            if (!committed) {
                try {
                    channel.close();
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
        }
    }

    /** A temporary file is private (rw-------); a report or an export is for others to read, like any file written. */
    private static void readableByOthers(Path tmp) throws IOException {
        try {
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the default permissions stand
        }
    }

        public static Streamed streamed(Path target) throws IOException {
        return new Streamed(target);
    }
}
