package io.payops.ui.tickets;

import io.payops.domain.ApprovalMode;
import io.payops.domain.Frame;
import io.payops.engine.Engine;
import io.payops.engine.EngineOptions;
import io.payops.engine.PolicyFactory;
import io.payops.engine.RunSettings;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import io.payops.ui.fx.SessionInfo;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Engines with support tickets for the Tickets tests. {@link #PLATFORM_BUG_BURST} is a test-only scenario: merchants
 * settled after launch hit shared errors in frequent bursts, so with seed 5 the triage reads a platform bug at
 * t = 239 s and asks to escalate cluster C-1 to engineering (action {@value #FIRST_ESCALATION}).
 */
final class TicketRuns {
    static final long FIRST_ESCALATION = 1_000_001;
    static final long BURST_SEED = 5;

    private TicketRuns() {
    }

    /** The path of the test scenario file (the console and the CLI take a file where they take a name). */
    static Path platformBugBurst() {
        try {
            return Path.of(TicketRuns.class.getResource("/tickets/platform-bug-burst.json").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Scenario scenario(String nameOrFile, long seed) {
        return ScenarioLoader.resolve(nameOrFile).withSeed(seed);
    }

    static SessionInfo session(String nameOrFile, long seed, boolean live) {
        return new SessionInfo(scenario(nameOrFile, seed), "agent", live);
    }

    /** The agent with approvals left to a human, as in the console. */
    static Engine engine(String nameOrFile, long seed) {
        Scenario s = scenario(nameOrFile, seed);
        RunSettings settings = new RunSettings("agent", ApprovalMode.MANUAL, "heuristic");
        return new Engine(s, PolicyFactory.create("agent", settings, s.world()), EngineOptions.DEFAULT, null);
    }

    /** Steps until a ticket escalation is pending and returns every frame. */
    static List<Frame> untilEscalation(Engine engine) {
        List<Frame> out = new ArrayList<>();
        while (out.isEmpty() || out.get(out.size() - 1).tickets().pendingApprovals().isEmpty()) {
            if (out.size() > 3_600) {
                throw new AssertionError("no ticket escalation within an hour");
            }
            out.add(engine.step());
        }
        return out;
    }
}
