package io.payops.cli;

import picocli.CommandLine.Model.CommandSpec;

import java.io.InputStream;

/**
 * Where a command reads {@code -} (standard input) from: System.in from the jar, a test's own stream in-process. The
 * command line's root object hands it out, as it hands out stdout and stderr, so no command touches System.in.
 */
public final class StandardInput {
    /** Implemented by the command line's root object (PayOps), which holds the stream of one invocation. */
    public interface Source {
        InputStream standardInput();
    }

    private StandardInput() {
    }

    /** The stream of the invocation {@code spec} belongs to; an empty one when the root offers none. */
    static InputStream of(CommandSpec spec) {
        Object root = spec.root().userObject();
        InputStream in = root instanceof Source s ? s.standardInput() : null;
        return in != null ? in : InputStream.nullInputStream();
    }
}
