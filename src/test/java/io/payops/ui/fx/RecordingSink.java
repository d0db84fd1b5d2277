package io.payops.ui.fx;

import io.payops.domain.Command;
import io.payops.engine.Engine;

import java.util.ArrayList;
import java.util.List;

/** Records every command and, when given an engine, forwards it there as the console does. */
public final class RecordingSink implements CommandSink {
    public final List<Command> sent = new ArrayList<>();
    private final Engine engine;

    public RecordingSink(Engine engine) {
        this.engine = engine;
    }

    @Override
    public void submit(Command command) {
        sent.add(command);
        if (engine != null) {
            engine.submit(command);
        }
    }
}
