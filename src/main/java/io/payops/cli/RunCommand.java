package io.payops.cli;

import io.payops.agent.reason.llm.LlmReasoner;
import io.payops.agent.reason.llm.LlmSettings;
import io.payops.common.BadInputException;
import io.payops.domain.ApprovalMode;
import io.payops.engine.LiveSession;
import io.payops.engine.PolicyFactory;
import io.payops.engine.RunSettings;
import io.payops.ingest.EventLogFormat;
import io.payops.ingest.EventLogWriter;
import io.payops.report.RunReport;
import io.payops.report.RunSummary;
import io.payops.run.ScenarioRunner;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

/** Runs one scenario headless and writes its report (DESIGN §5.1, §5.3). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a scenario as fast as the CPU allows, write the JSON report and print a summary.")
public final class RunCommand implements Callable<Integer> {
    /** Where output and messages go: System.out/err from the jar, a test's own streams in-process (PayOps.run). */
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--scenario", required = true, paramLabel = "NAME|FILE",
            description = "A built-in scenario name (see 'scenarios'), a scenario JSON file, or - to read one from "
                    + "standard input.")
    String scenario;

    @CommandLine.Mixin
    SeedOption seedOption = new SeedOption();

    @Option(names = "--duration", paramLabel = "SECONDS", description = "Overrides the scenario's duration (1..604800).")
    Integer duration;

    @Option(names = "--policy", defaultValue = "agent", paramLabel = "NAME",
            description = "Who controls routing: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.",
            completionCandidates = PolicyNames.class)
    String policy;

    @CommandLine.Mixin
    ApprovalOption approvalOption = new ApprovalOption();

    @CommandLine.Mixin
    LlmOptions llmOptions = new LlmOptions();

    /** Persists this run there: state files, the audit log and a session recording; lessons are loaded first. */
    @CommandLine.Mixin
    StateDirOption stateOption = new StateDirOption();

    private Path state;

    @CommandLine.Mixin
    RetentionOptions retention = new RetentionOptions();

    @CommandLine.Mixin
    ConnectorOptions connectorOptions = new ConnectorOptions();

    @Option(names = "--report", paramLabel = "FILE",
            description = "Where to write the JSON report (default: state/reports/<scenario>-seed<N>-<policy>.json); "
                    + "- writes it to standard output, and the summary to standard error.")
    Path report;

    @Option(names = "--export-events", paramLabel = "FILE",
            description = "Also write every simulated attempt to FILE as an event log (DESIGN §5.4) that 'ingest' reads.")
    Path exportEvents;

    @Option(names = "--export-format", paramLabel = "jsonl|csv",
            description = "The exported log's format. Default: csv for a .csv file name, else jsonl.")
    String exportFormat;

    @Option(names = "--export-start", paramLabel = "ISO-8601",
            description = "The log time of simulated second 0. Default: 2026-01-01T00:00:00Z (so a run exports the same file every time).")
    String exportStart;

    static final class PolicyNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return PolicyFactory.NAMES.iterator();
        }
    }

    @Override
    public Integer call() throws IOException {
        Scenario s = ScenarioLoader.resolve(scenario, StandardInput.of(spec));
        Long seed = seedOption.seed();
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
        LlmSettings llm = llmOptions.settings(System.getenv());
        ApprovalMode mode = approvalOption.mode();
        state = stateOption.given();
        ReportTarget out = ReportTarget.of(report,
                Path.of("state", "reports", s.name() + "-seed" + s.seed() + "-" + policy + ".json"));
        out.check();
        RunSettings settings = new RunSettings(policy, mode, llmOptions.reasoner(), llm, LlmReasoner.Mode.WAIT);
        io.payops.connect.ConnectorSettings connectorSettings = connectorOptions.settings(System.getenv());
        EventLogWriter export = exportEvents == null ? null : openExport();
        RunReport result;
        io.payops.connect.all.Connectors connectors = ConnectorsStart.start(connectorSettings, spec.commandLine().getErr());
        try (connectors) {
            result = state == null
                    ? ScenarioRunner.run(s, settings, java.util.List.of(), export, frame -> { }, connectors.listener())
                    : runPersisted(s, settings, export, connectors.listener());
            if (export != null) {
                export.commit();
            }
        } catch (IOException e) {
            throw OutputFile.cannotWrite(exportEvents, "--export-events", e);
        } catch (java.io.UncheckedIOException e) {
            if (export == null || export.failure() == null) {
                throw e;
            }
            // the disk filled (or went away) under the export: a reason for the user, not an internal error
            throw OutputFile.cannotWrite(exportEvents, "--export-events", export.failure());
        } finally {
            if (export != null) {
                export.close();
            }
        }
        // after close: the connectors' last deliveries are counted
        var health = connectors.health();
        out.write(ConnectorReport.withConnectors(result, health), spec);
        java.io.PrintWriter stdout = out.forPeople(spec);
        stdout.print(RunSummary.format(result));
        ConnectorReport.print(stdout, health);
        if (sessionDir != null) {
            stdout.println("session: " + sessionDir);
        }
        if (export != null) {
            stdout.printf("events: %s (%,d attempts)%n", exportEvents, export.written());
        }
        stdout.println("report: " + out.where());
        stdout.flush();
        return 0;
    }

    private Path sessionDir;

    private EventLogWriter openExport() {
        EventLogFormat f;
        if (exportFormat != null) {
            f = EventLogFormat.of(exportFormat);
            if (f == null) {
                throw new BadInputException("--export-format: '" + exportFormat + "' is not a format (expected jsonl or csv)");
            }
        } else {
            f = exportEvents.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")
                    ? EventLogFormat.CSV : EventLogFormat.JSONL;
        }
        Instant start = EventLogWriter.DEFAULT_START;
        if (exportStart != null) {
            try {
                start = java.time.OffsetDateTime.parse(exportStart).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                throw new BadInputException("--export-start: '" + exportStart + "' is not a time (expected ISO-8601 "
                        + "with a zone, like 2026-11-21T10:00:00Z)");
            }
        }
        OutputFile.check(exportEvents, "--export-events");
        try {
            return new EventLogWriter(exportEvents, f, start);
        } catch (IOException e) {
            throw OutputFile.cannotWrite(exportEvents, "--export-events", e);
        }
    }

    /** Runs with the state folder: lessons in, state files, audit and recording out; disk trouble never stops the run. */
    private RunReport runPersisted(Scenario s, RunSettings settings, EventLogWriter export,
                                   io.payops.engine.SessionListener listener) {
        java.io.PrintWriter stderr = spec.commandLine().getErr();
        ScenarioRunner.Recorded run = ScenarioRunner.runRecorded(s, settings, new LiveSession.Recording(state,
                retention.retention(), false, w -> stderr.println("payops: warning: " + w)), export, listener);
        sessionDir = run.sessionDir();
        return run.report();
    }
}
