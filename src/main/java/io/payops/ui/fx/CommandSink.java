package io.payops.ui.fx;

import io.payops.domain.Command;

/**
 * Where ViewModels send what the user asked for (approve, reject, a chaos change). The engine applies it at the next
 * tick boundary; the result shows in a later frame. Safe to call from the FX thread: it only enqueues.
 */
@FunctionalInterface
public interface CommandSink {
    void submit(Command command);
}
