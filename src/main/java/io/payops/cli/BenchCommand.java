package io.payops.cli;

import io.payops.common.BadInputException;
import io.payops.common.Json;
import io.payops.engine.PolicyFactory;
import io.payops.run.BenchRunner;
import io.payops.run.BenchTable;
import io.payops.run.RandomBench;
import io.payops.run.RandomBenchTable;
import io.payops.sim.RandomScenarios;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Compares policies on scenarios over several seeds and prints (and records) the table. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Compare policies on a scenario suite over several seeds; print a table and write it into "
                + "docs/BENCHMARKS.md.")
public final class BenchCommand implements Callable<Integer> {
    /** Where output and messages go: System.out/err from the jar, a test's own streams in-process (PayOps.run). */
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    static final String START = "<!-- bench:start -->";
    static final String END = "<!-- bench:end -->";
    static final String RANDOM_START = "<!-- random:start -->";
    static final String RANDOM_END = "<!-- random:end -->";

    @Option(names = "--scenarios", split = ",", paramLabel = "NAME|FILE",
            description = "Scenarios to run (default: every built-in one).")
    List<String> scenarios;

    @Option(names = "--policies", split = ",", defaultValue = "agent,rules,bandit", paramLabel = "NAME",
            description = "Policies to compare with static and oracle. Default: ${DEFAULT-VALUE}.")
    List<String> policies;

    @Option(names = "--seeds", defaultValue = "3", paramLabel = "N", description = "Seeds per scenario (1..50). Default: ${DEFAULT-VALUE}.")
    int seeds;

    @Option(names = "--markdown", defaultValue = "docs/BENCHMARKS.md", paramLabel = "FILE",
            description = "Markdown file whose bench section is replaced by the table. Default: ${DEFAULT-VALUE}.")
    Path markdown;

    @Option(names = "--no-markdown", description = "Only print the table.")
    boolean noMarkdown;

    @Option(names = "--random", paramLabel = "N", description = "Instead of the built-in scenarios, judge the policies "
            + "on N random worlds (1..5000): every fault type on every target shape, overlapping faults, worlds with none.")
    Integer random;

    @Option(names = "--random-seed", defaultValue = "1", paramLabel = "S",
            description = "Seed of the first random world (worlds S..S+N-1), a seed as --seed takes. "
                    + "Default: ${DEFAULT-VALUE}.")
    String randomSeed;

    @Option(names = "--threads", paramLabel = "T", description = "Worlds run at once (1..64). Default: the number of cores.")
    Integer threads;

    @Option(names = "--json", paramLabel = "FILE", description = "With --random: also write every world and fault as JSON.")
    Path json;

    @Override
    public Integer call() throws IOException {
        if (seeds < 1 || seeds > 50) {
            throw new BadInputException("--seeds: " + seeds + " is out of range (expected 1 to 50)");
        }
        for (String p : policies) {
            if (!PolicyFactory.NAMES.contains(p)) {
                throw new BadInputException("--policies: unknown policy '" + p + "' (expected some of "
                        + String.join(", ", PolicyFactory.NAMES) + ")");
            }
        }
        if (!noMarkdown) {
            // said before minutes of benchmarking, not after
            OutputFile.check(markdown, "--markdown");
        }
        if (random != null) {
            return random();
        }
        if (json != null) {
            throw new BadInputException("--json: only with --random (expected --random N as well)");
        }
        List<Scenario> list = new ArrayList<>();
        if (scenarios == null || scenarios.isEmpty()) {
            list.addAll(ScenarioLoader.builtIns());
        } else {
            for (String s : scenarios) {
                list.add(ScenarioLoader.resolve(s));
            }
        }
        String command = "java -jar target/payops.jar bench --seeds " + seeds + " --policies " + String.join(",", policies)
                + (scenarios == null ? "" : " --scenarios " + String.join(",", scenarios));
        String table = BenchTable.markdown(BenchRunner.run(list, policies, seeds), command);
        spec.commandLine().getOut().print(table);
        if (!noMarkdown) {
            writeSection(markdown, table);
            spec.commandLine().getOut().println("\nwritten to " + markdown);
        }
        return 0;
    }

    private int random() throws IOException {
        if (random < 1 || random > 5000) {
            throw new BadInputException("--random: " + random + " is out of range (expected 1 to 5000 worlds)");
        }
        if (scenarios != null) {
            throw new BadInputException("--random: cannot be combined with --scenarios (random worlds replace them)");
        }
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1 || t > 64) {
            throw new BadInputException("--threads: " + t + " is out of range (expected 1 to 64)");
        }
        if (json != null) {
            // said before minutes of benchmarking, not after
            OutputFile.check(json, "--json");
        }
        long firstSeed = SeedOption.parse("--random-seed", randomSeed);
        if (firstSeed + random - 1 > io.payops.sim.ScenarioBounds.MAX_SEED) {
            // every world's seed follows the one rule of --seed, the last one included
            throw new BadInputException("--random-seed: " + firstSeed + " + " + random + " worlds passes the largest "
                    + "seed (expected " + io.payops.sim.ScenarioBounds.SEED.expected() + " for the last world too)");
        }
        String command = "java -jar target/payops.jar bench --random " + random + " --random-seed " + firstSeed
                + " --policies " + String.join(",", policies);
        List<RandomBench.Result> results = RandomBench.run(RandomScenarios.suite(firstSeed, random), policies, t);
        StringBuilder out = new StringBuilder();
        for (RandomBench.Result r : results) {
            out.append(RandomBenchTable.markdown(r, command)).append('\n');
        }
        spec.commandLine().getOut().print(out);
        if (json != null) {
            OutputFile.write(json, "--json", Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(results));
            spec.commandLine().getOut().println("worlds written to " + json);
        }
        if (!noMarkdown) {
            writeSection(markdown, out.toString(), RANDOM_START, RANDOM_END, "## Random worlds (`bench --random`)");
            spec.commandLine().getOut().println("written to " + markdown);
        }
        return 0;
    }

    /** Replaces the bench section of the file (or appends one), keeping everything else as it was. */
    static void writeSection(Path file, String table) {
        writeSection(file, table, START, END, "## Policies compared (`bench`)");
    }

    /** The file is checked (a regular file or nothing) before it is read: reading a named pipe would block. */
    static void writeSection(Path file, String table, String start, String end, String heading) {
        OutputFile.check(file, "--markdown");
        String old;
        try {
            old = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n";
        } catch (IOException e) {
            throw new BadInputException("--markdown: cannot read '" + file + "' to update its bench section ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
        }
        String section = start + "\n" + table + end;
        int a = old.indexOf(start);
        int b = old.indexOf(end);
        String updated = a >= 0 && b > a ? old.substring(0, a) + section + old.substring(b + end.length())
                : old + (old.endsWith("\n") ? "\n" : "\n\n") + heading + "\n\n" + section + "\n";
        OutputFile.write(file, "--markdown", updated.getBytes(StandardCharsets.UTF_8));
    }
}
