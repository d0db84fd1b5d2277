package io.payops.cli;

import io.payops.domain.ApprovalMode;
import io.payops.engine.PolicyFactory;
import io.payops.engine.RunSettings;
import io.payops.report.RunReport;
import io.payops.report.RunSummary;
import io.payops.report.ScenarioRunner;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import io.payops.store.AtomicFiles;
import io.payops.store.BadInputException;
import io.payops.store.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** Runs one scenario headless and writes its report (DESIGN §5.1, §5.3). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a scenario as fast as the CPU allows, write the JSON report and print a summary.")
public final class RunCommand implements Callable<Integer> {
    static final List<String> REASONERS = List.of("heuristic");

    @Option(names = "--scenario", required = true, paramLabel = "NAME|FILE",
            description = "A built-in scenario name (see 'scenarios') or a scenario JSON file.")
    String scenario;

    @Option(names = "--seed", paramLabel = "N", description = "Overrides the scenario's seed.")
    Long seed;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "Overrides the scenario's duration (1..604800).")
    Integer duration;

    @Option(names = "--policy", defaultValue = "agent", paramLabel = "NAME",
            description = "Who controls routing: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.",
            completionCandidates = PolicyNames.class)
    String policy;

    @Option(names = "--approval", defaultValue = "auto:60", paramLabel = "auto:SECONDS|never",
            description = "How approval requests are answered. Default: ${DEFAULT-VALUE}.")
    String approval;

    @Option(names = "--reasoner", defaultValue = "heuristic", paramLabel = "NAME",
            description = "Where hypotheses come from. Default: ${DEFAULT-VALUE}.")
    String reasoner;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Where to write the JSON report (default: state/reports/<scenario>-seed<N>-<policy>.json).")
    Path report;

    static final class PolicyNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return PolicyFactory.NAMES.iterator();
        }
    }

    @Override
    public Integer call() throws IOException {
        Scenario s = ScenarioLoader.resolve(scenario);
        if (seed != null) {
            s = s.withSeed(seed);
        }
        if (duration != null) {
            if (duration < 1 || duration > 604_800) {
                throw new BadInputException("--duration: " + duration + " is out of range (expected 1 to 604800 seconds)");
            }
            s = s.withDuration(duration);
        }
        if (!PolicyFactory.NAMES.contains(policy)) {
            throw new BadInputException("--policy: unknown policy '" + policy + "' (expected one of "
                    + String.join(", ", PolicyFactory.NAMES) + ")");
        }
        if (!REASONERS.contains(reasoner)) {
            throw new BadInputException("--reasoner: unknown reasoner '" + reasoner + "' (expected one of "
                    + String.join(", ", REASONERS) + ")");
        }
        ApprovalMode mode;
        try {
            mode = ApprovalMode.parse(approval);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--approval: " + e.getMessage());
        }
        RunReport result = ScenarioRunner.run(s, new RunSettings(policy, mode, reasoner));
        Path out = report != null ? report
                : Path.of("state", "reports", s.name() + "-seed" + s.seed() + "-" + policy + ".json");
        try {
            AtomicFiles.write(out, Json.pretty().writeValueAsBytes(result));
        } catch (IOException e) {
            throw new BadInputException("--report: cannot write '" + out + "': " + e.getMessage(), e);
        }
        System.out.print(RunSummary.format(result));
        System.out.println("report: " + out);
        return 0;
    }
}
