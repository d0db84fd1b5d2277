package io.payops.connect.routing;

import io.payops.common.Json;
import io.payops.store.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes each document, the routing in force with its latest change, to one file, whole or not at all
 * ({@link AtomicFiles}: a temporary file beside it, flushed to disk, renamed over it), so a router that reads the
 * file never sees half of one. A write that fails (a full disk, a folder gone) is retried like a router that is down.
 * A file says nothing back: its changes stay recommendations over an event log.
 */
final class FileSink implements RoutingSink {
    private final Path path;

    FileSink(Path path) {
        this.path = path;
    }

    @Override
    public String name() {
        return "routing file " + path;
    }

    @Override
    public boolean acknowledges() {
        return false;
    }

    @Override
    public Attempt send(Delivery d) {
        try {
            byte[] pretty = Json.pretty().writeValueAsBytes(d.document());
            byte[] text = new byte[pretty.length + 1];
            System.arraycopy(pretty, 0, text, 0, pretty.length);
            text[pretty.length] = '\n';
            AtomicFiles.writeReadable(path, text);
            return Attempt.DELIVERED;
        } catch (IOException e) {
            return Attempt.retry("cannot write it (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }
}
