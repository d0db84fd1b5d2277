package io.payops.cli;

import io.payops.domain.FaultSpec;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import picocli.CommandLine.Command;

import java.util.Locale;

/** Lists the built-in scenarios with their descriptions. */
@Command(name = "scenarios", mixinStandardHelpOptions = true, description = "List the built-in scenarios.")
public final class ScenariosCommand implements Runnable {
    /** Where output and messages go: System.out/err from the jar, a test's own streams in-process (PayOps.run). */
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        java.io.PrintWriter out = spec.commandLine().getOut();
        for (Scenario s : ScenarioLoader.builtIns()) {
            out.printf(Locale.ROOT, "%-28s %s%n", s.name(), s.description());
            out.printf(Locale.ROOT, "%-28s %d s at %.0f payments/s, seed %d%s%n", "", s.durationSeconds(), s.tps(),
                    s.seed(), s.faults().isEmpty() ? ", no faults" : "");
            for (FaultSpec f : s.faults()) {
                out.printf(Locale.ROOT, "%-28s   %s on %s from %.0f s for %.0f s%n", "", f.type().key(),
                        f.target(), f.startSecond(), f.durationSeconds());
            }
        }
    }
}
