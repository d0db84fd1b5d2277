package io.payops.cli;

import io.payops.engine.PolicyFactory;
import io.payops.report.BenchRunner;
import io.payops.report.BenchTable;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import io.payops.store.AtomicFiles;
import io.payops.store.BadInputException;
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
    static final String START = "<!-- bench:start -->";
    static final String END = "<!-- bench:end -->";

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
            checkWritable(markdown);
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
        System.out.print(table);
        if (!noMarkdown) {
            try {
                writeSection(markdown, table);
            } catch (IOException e) {
                throw new BadInputException("--markdown: cannot write '" + markdown + "': " + e.getMessage(), e);
            }
            System.out.println("\nwritten to " + markdown);
        }
        return 0;
    }

    /** Fails before minutes of benchmarking, not after, when the table could not be written. */
    private static void checkWritable(Path file) {
        Path abs = file.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            throw new BadInputException("--markdown: '" + file + "' is a directory (expected a Markdown file)");
        }
        for (Path p = abs.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new BadInputException("--markdown: cannot write '" + file + "': " + p + " is not a directory");
                }
                if (!Files.isWritable(p)) {
                    throw new BadInputException("--markdown: cannot write '" + file + "': " + p + " is not writable");
                }
                return;
            }
        }
    }

    /** Replaces the bench section of the file (or appends one), keeping everything else as it was. */
    static void writeSection(Path file, String table) throws IOException {
        String old = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n";
        String section = START + "\n" + table + END;
        int a = old.indexOf(START);
        int b = old.indexOf(END);
        String updated = a >= 0 && b > a ? old.substring(0, a) + section + old.substring(b + END.length())
                : old + (old.endsWith("\n") ? "\n" : "\n\n") + "## Policies compared (`bench`)\n\n" + section + "\n";
        AtomicFiles.write(file, updated.getBytes(StandardCharsets.UTF_8));
    }
}
