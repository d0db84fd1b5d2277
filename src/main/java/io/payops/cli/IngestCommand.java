package io.payops.cli;

import io.payops.agent.reason.llm.LlmReasoner;
import io.payops.common.BadInputException;
import io.payops.common.Excerpt;
import io.payops.domain.ActionRecord;
import io.payops.domain.ApprovalMode;
import io.payops.domain.Frame;
import io.payops.domain.Incident;
import io.payops.engine.EventLogSession;
import io.payops.engine.RunSettings;
import io.payops.ingest.BadLine;
import io.payops.ingest.EventLogFormat;
import io.payops.ingest.EventLogInspection;
import io.payops.ingest.EventLogStats;
import io.payops.ingest.LogMapping;
import io.payops.ingest.UnmappedStatus;
import io.payops.observe.Observer;
import io.payops.report.IngestInput;
import io.payops.report.IngestReport;
import io.payops.report.IngestSummary;
import io.payops.run.EventLogRunner;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/** The agent over an external event log, open loop (DESIGN §5.1, §5.4). */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Run the agent over an event log (one payment attempt per line, JSON lines or CSV with a header; "
                + "see DESIGN §5.4), as fast as it reads, in constant memory. The file's timestamps drive the clock.",
                "The agent runs open loop: the traffic already happened, so its actions are recommendations and nothing "
                        + "is applied. Bad lines are counted and the first ten reported; more than half bad is exit 2.",
                "With --follow the file is read like 'tail -f' (surviving truncation and rotation) until Ctrl+C; "
                        + "incidents and recommendations are printed as they come and the report is written at the end."})
public final class IngestCommand implements Callable<Integer> {

    @Option(names = "--events", paramLabel = "FILE",
            description = "The event log (.jsonl, .ndjson, .csv; .gz is read through gunzip). Columns are read by our "
                    + "names, by common aliases (timestamp, psp, issuer_bank, outcome, latency_ms, ...) or as mapped.")
    Path events;

    @CommandLine.Mixin
    KafkaOptions kafkaOptions = new KafkaOptions();

    @Option(names = "--inspect", paramLabel = "FILE",
            description = "Print how the first 10,000 lines of FILE would be read (fields, statuses with counts, values, "
                    + "time range, rate) and stop, without running the agent.")
    Path inspect;

    @CommandLine.Mixin
    MappingOptions mappingOptions = new MappingOptions();

    @Option(names = "--format", paramLabel = "jsonl|csv",
            description = "The file's format. Default: from its name, else from its first character ('{' is JSON lines).")
    String format;

    @Option(names = "--world", paramLabel = "NAME|FILE",
            description = "A scenario whose gateways, weights and merchants routing recommendations are made over (its "
                    + "faults and traffic are ignored). Default: inferred from the first 15 minutes of the log.")
    String world;

    @Option(names = "--follow", description = "Keep reading as the file grows, until interrupted.")
    boolean follow;

    @CommandLine.Mixin
    ApprovalOption approvalOption = new ApprovalOption();

    @CommandLine.Mixin
    LlmOptions llmOptions = new LlmOptions();

    @Option(names = "--report", paramLabel = "FILE",
            description = "Where to write the JSON report (default: state/reports/ingest-<file name>.json); - writes it "
                    + "to standard output, and the summary to standard error.")
    Path report;

    @CommandLine.Mixin
    ConnectorOptions connectorOptions = new ConnectorOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        boolean kafka = kafkaOptions.given();
        if (kafka && (events != null || inspect != null || follow)) {
            throw new BadInputException("--kafka and " + (events != null ? "--events" : inspect != null ? "--inspect"
                    : "--follow") + ": give one input (a topic is always followed, until Ctrl+C or --max-records)");
        }
        if (!kafka && (events == null) == (inspect == null)) {
            throw new BadInputException(events == null ? "--events FILE is required (or --kafka BOOTSTRAP --topic T "
                    + "to read a topic, or --inspect FILE to see how a log would be read)"
                    : "--events and --inspect: give one (--inspect only shows how a log would be read)");
        }
        kafkaOptions.checkUnused();
        LogMapping mapping = mappingOptions.mapping();
        EventLogFormat f = null;
        if (format != null) {
            f = EventLogFormat.of(format);
            if (f == null) {
                throw new BadInputException("--format: '" + Excerpt.of(format) + "' is not a format (expected jsonl "
                        + "or csv)");
            }
        }
        if (inspect != null) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(EventLogInspection.format(EventLogInspection.inspect(inspect, f, mapping)));
            stdout.flush();
            return 0;
        }
        ApprovalMode mode = approvalOption.mode();
        Scenario worldFrom = world == null ? null : ScenarioLoader.resolve(world);
        RunSettings settings = new RunSettings("agent", mode, llmOptions.reasoner(), llmOptions.settings(System.getenv()),
                LlmReasoner.Mode.WAIT);
        io.payops.connect.kafka.KafkaSettings topic = kafka ? kafkaOptions.settings() : null;
        ReportTarget out = ReportTarget.of(report, Path.of("state", "reports", "ingest-" + (kafka ? "kafka-"
                + topic.topic() : events.getFileName()) + ".json"));
        out.check();
        PrintWriter stdout = out.forPeople(spec);

        io.payops.connect.ConnectorSettings connectorSettings = connectorOptions.settings(System.getenv());
        if (kafka) {
            return KafkaIngest.run(this, topic, f, mapping, worldFrom, settings, connectorSettings, out);
        }
        // Ctrl+C while waiting for a followed file's first events: nothing to write, so the JVM may simply exit
        EventLogSession log = EventLogSession.open(events, f, mapping, worldFrom, follow, () -> false);
        StopSignal stop = new StopSignal(follow);
        if (follow) {
            stdout.printf("following %s (%s); world %s; Ctrl+C writes the report and stops%n", events,
                    log.format().key(), log.worldNote());
            stdout.flush();
        }
        return report(log, settings, connectorSettings, out, stop, follow, () -> { }, null);
    }

    /**
     * Runs the agent over an opened log (a file or a topic), then checks and writes the report and says on stderr
     * what was not read as given. {@code afterRun} runs once the run ended, before anything is written (a topic's
     * last commit). {@code source} is the topic's health (records read, outages, held), asked after {@code afterRun}
     * for the report's {@code connectors} and the summary, ahead of the outgoing connectors; null over a file.
     */
    int report(EventLogSession log, RunSettings settings, io.payops.connect.ConnectorSettings connectorSettings,
               ReportTarget out, StopSignal stop, boolean live, Runnable afterRun,
               java.util.function.Supplier<io.payops.connect.ConnectorHealth> source)
            throws IOException, InterruptedException {
        PrintWriter stdout = out.forPeople(spec);
        PrintWriter stderr = spec.commandLine().getErr();
        String input = log.name();
        io.payops.connect.all.Connectors connectors = ConnectorsStart.start(connectorSettings, stderr);
        try {
            IngestReport result;
            try (connectors) {
                result = EventLogRunner.run(log, settings, live ? new LiveLines(stdout) : frame -> { },
                        stop::requested, connectors.listener());
            }
            afterRun.run();
            IngestInput in = result.input();
            if (EventLogStats.mostlyBad(in.badLines(), in.events())) {
                throw new BadInputException("event log '" + input + "': " + in.badLines() + " of "
                        + (in.badLines() + in.events()) + " lines are bad, more than half (expected one attempt per "
                        + "line with ts, status, latencyMs and at least one dimension); no report written; the first "
                        + in.firstBadLines().size() + ":" + listed(in));
            }
            if (mappingOptions.strict() && (!in.unmappedStatuses().isEmpty() || !in.ignoredColumns().isEmpty())) {
                throw new BadInputException("event log '" + input + "' (--strict): no report written; "
                        + strictProblems(in));
            }
            // after the run and the topic's last commit: the final counts
            List<io.payops.connect.ConnectorHealth> health = new ArrayList<>();
            if (source != null) {
                health.add(source.get());
            }
            health.addAll(connectors.health());
            out.write(ConnectorReport.withConnectors(result, health), spec);
            String networks = EventLogInspection.networksAsIssuers(in.fields().get("issuer"),
                    log.scenario().world().names(io.payops.domain.Dimension.ISSUER));
            if (networks != null) {
                stderr.println("payops: warning: " + input + ": " + networks);
            }
            for (String c : in.ignoredColumns()) {
                stderr.println("payops: warning: " + input + ": column '" + Excerpt.of(c) + "' is not an event log "
                        + "field; ignored (say --map FIELD=" + Excerpt.of(c) + " if it holds one)");
            }
            if (!in.unmappedStatuses().isEmpty()) {
                long lines = in.unmappedStatuses().stream().mapToLong(UnmappedStatus::count).sum();
                stderr.printf("payops: WARNING: %s: %,d lines have status words no vocabulary knows; they are counted as "
                        + "failures, not dropped. Say what they mean with --status-map WORD=STATUS:%n", input, lines);
                for (UnmappedStatus u : in.unmappedStatuses()) {
                    stderr.println("  " + u);
                }
            }
            if (in.valuesTruncated() > 0) {
                // said once for the file, not per line: a hostile log may have a long value on every line
                stderr.printf("payops: warning: %s: %,d dimension values were longer than %d characters and were cut "
                        + "to their first %d (expected names and ids, which are short)%n", input, in.valuesTruncated(),
                        EventLogStats.MAX_VALUE_CHARS, EventLogStats.MAX_VALUE_CHARS);
            }
            if (in.valuesFolded() > 0) {
                stderr.printf("payops: warning: %s: %,d events had a dimension value or path past the bounds (%,d "
                        + "values per dimension, %,d paths per kind, %,d segments in all) and were counted under "
                        + "\"(other)\"%n", input, in.valuesFolded(), Observer.MAX_VALUES_PER_DIMENSION,
                        Observer.MAX_PATHS_PER_KIND, Observer.MAX_SEGMENTS);
            }
            if (in.badLines() > 0) {
                stderr.printf("payops: warning: %s: %,d of %,d lines were not events and were skipped; the first %d:%s%n",
                        input, in.badLines(), in.badLines() + in.events(), in.firstBadLines().size(), listed(in));
            }
            stderr.flush();
            stdout.print(IngestSummary.format(result));
            ConnectorReport.print(stdout, health);
            stdout.println("report: " + out.where());
            stdout.flush();
        } finally {
            // a SIGTERM waits for this: everything above is written before the JVM may exit
            stop.done();
        }
        return 0;
    }

    private static String strictProblems(IngestInput in) {
        List<String> p = new ArrayList<>();
        for (UnmappedStatus u : in.unmappedStatuses()) {
            p.add("unmapped " + u + " (say --status-map " + Excerpt.of(u.value()) + "=STATUS)");
        }
        for (String c : in.ignoredColumns()) {
            p.add("column '" + Excerpt.of(c) + "' is not read (say --map FIELD=" + Excerpt.of(c) + ")");
        }
        return String.join("; ", p);
    }

    private static String listed(IngestInput in) {
        StringBuilder b = new StringBuilder();
        for (BadLine l : in.firstBadLines()) {
            b.append(System.lineSeparator()).append("  ").append(l);
        }
        return b.toString();
    }

    /** Following ends on Ctrl+C or SIGTERM: the hook asks the run to stop and waits until the report is written. */
    static final class StopSignal {
        private volatile boolean requested;
        private final CountDownLatch finished = new CountDownLatch(1);
        private final Thread hook;

        StopSignal(boolean follow) {
            hook = follow ? new Thread(() -> {
                requested = true;
                try {
                    // long enough to write a report; bounded, so a stuck run cannot keep the JVM from exiting
                    finished.await(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "ingest-stop") : null;
            if (hook != null) {
                Runtime.getRuntime().addShutdownHook(hook);
            }
        }

        boolean requested() {
            return requested;
        }

        void done() {
            finished.countDown();
            if (hook != null && !requested) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // the JVM is already shutting down: the hook is running and has just been released
                }
            }
        }
    }

    /** While following: one line per incident opened and per recommendation, as they happen. */
    private static final class LiveLines implements Consumer<Frame> {
        private final PrintWriter out;
        private final Set<Long> incidents = bounded();
        private final Set<String> said = bounded();

        /** Remembers the newest ids only: a follow may run for weeks. */
        private static <T> Set<T> bounded() {
            return java.util.Collections.newSetFromMap(new java.util.LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<T, Boolean> eldest) {
                    return size() > 10_000;
                }
            });
        }

        LiveLines(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void accept(Frame f) {
            boolean printed = false;
            for (Incident i : f.step().incidents()) {
                if (incidents.add(i.id())) {
                    out.printf("%7.0f s  incident %s on %s (confidence %.2f)%n", f.simSeconds(), i.diagnosis().key(),
                            i.target(), i.confidence());
                    printed = true;
                }
            }
            for (ActionRecord r : f.step().actions()) {
                if (r.action().type() != io.payops.domain.ActionType.NO_OP && said.add(r.id() + "/" + r.status())) {
                    out.printf("%7.0f s  recommendation %s: %s%n", f.simSeconds(), r.status().key()
                            .replace("executed", "recommended"), r.action().describe());
                    printed = true;
                }
            }
            if (printed) {
                out.flush();
            }
        }
    }
}
