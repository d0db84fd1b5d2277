package io.payops.ui.timeline;

import io.payops.domain.Command;
import io.payops.domain.Frame;
import io.payops.engine.Engine;
import io.payops.ui.fx.SessionInfo;
import io.payops.ui.fx.TestFrames;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Tickets tests' platform-bug burst (src/test/resources/tickets/platform-bug-burst.json, seed 5): the triage asks
 * to escalate cluster C-1 to engineering (ticket action {@value #ESCALATION}); the operator approves it at once, and
 * five more seconds run.
 */
record TicketEscalation(List<Frame> frames) {
    static final long ESCALATION = 1_000_001;
    static final long SEED = 5;

    static String scenario() {
        try {
            return Path.of(TicketEscalation.class.getResource("/tickets/platform-bug-burst.json").toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static SessionInfo session() {
        return TestFrames.session(scenario(), SEED);
    }

    static TicketEscalation run() {
        Engine engine = TestFrames.engine(scenario(), SEED);
        List<Frame> frames = new ArrayList<>();
        while (frames.isEmpty() || frames.get(frames.size() - 1).tickets().pendingApprovals().isEmpty()) {
            if (frames.size() > 3_600) {
                throw new AssertionError("no ticket escalation within an hour");
            }
            frames.add(engine.step());
        }
        if (frames.get(frames.size() - 1).tickets().pendingApprovals().get(0).id() != ESCALATION) {
            throw new AssertionError("expected escalation " + ESCALATION);
        }
        engine.submit(new Command.Decide(ESCALATION, true, "operator"));
        frames.addAll(TestFrames.step(engine, 5));
        return new TicketEscalation(List.copyOf(frames));
    }
}
