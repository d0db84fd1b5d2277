package io.payops.cli;

import io.payops.common.BadInputException;
import io.payops.common.BoundedInput;
import io.payops.engine.LiveRunner;
import io.payops.ingest.LogMapping;
import io.payops.sim.ScenarioLoader;
import io.payops.ui.ConsoleApp;
import io.payops.ui.ConsoleOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Opens the console window on live simulated traffic. Checks every option before the window opens. */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = "Open the console on live simulated traffic (the default when no command is given), or with --events "
                + "on an event log.")
public final class ConsoleCommand implements Callable<Integer> {
    @Option(names = "--scenario", paramLabel = "NAME|FILE",
            description = "Built-in scenario or scenario file (default: the one used last, else live-demo).")
    String scenario;

    @picocli.CommandLine.Mixin
    ConnectorOptions connectorOptions = new ConnectorOptions();

    @picocli.CommandLine.Mixin
    SeedOption seed = new SeedOption();

    @Option(names = "--speed", paramLabel = "X", description = "Simulated seconds per wall second, 1 to 100 (default 1).")
    Double speed;

    @picocli.CommandLine.Mixin
    StateDirOption state = new StateDirOption();

    @Option(names = "--events", paramLabel = "FILE",
            description = "Open the console on an event log instead of live traffic (as File → Open event log…): the "
                    + "agent runs over it open loop, as fast as it reads. .jsonl, .ndjson, .csv; .gz is read through gunzip. Its "
                    + "columns and words are read as --map, --status-map, --mapping and --tz say.")
    Path events;

    @Option(names = "--follow", description = "With --events: keep reading the file as it grows (as File → Follow log…).")
    boolean follow;

    @Option(names = "--startup-timing", description = "Print how long it took from launch to the first live frame on "
            + "screen (and to the splash and the window) once it is there.")
    boolean startupTiming;

    @Override
    public Integer call() {
        return open(validated(), startupTiming);
    }

    @picocli.CommandLine.Mixin
    RetentionOptions retention = new RetentionOptions();

    @picocli.CommandLine.Mixin
    LlmOptions llm = new LlmOptions();

    /** A Kafka topic to run the agent over (as File → Connect to Kafka…). */
    @picocli.CommandLine.Mixin
    KafkaOptions kafka = new KafkaOptions();

    /** How an --events log's columns and words are read, as ingest takes it (the mapping step is for the File menu). */
    @picocli.CommandLine.Mixin
    MappingOptions mapping = new MappingOptions();

    /** Opens the window; without a display or GTK, says so in one line instead of a toolkit stack trace. */
    public static int open(ConsoleOptions options) {
        return open(options, false);
    }

    static int open(ConsoleOptions options, boolean startupTiming) {
        try {
            ConsoleApp.open(options, startupTiming);
            return 0;
        } catch (UnsupportedOperationException | IllegalStateException e) {
            System.err.println("payops: cannot open the console window (" + e.getMessage() + "): it needs a display "
                    + "and GTK 3 (Debian: libgtk-3-0; or run it under xvfb-run). The headless commands run, bench, "
                    + "analyze and scenarios work without one.");
            return 1;
        }
    }

    ConsoleOptions validated() {
        if (scenario != null) {
            ScenarioLoader.resolve(scenario);
        }
        Long seedValue = seed.seed();
        if (speed != null) {
            try {
                LiveRunner.checkSpeed(speed);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--speed: " + e.getMessage());
            }
        }
        Path stateDir = state.orElse(Path.of("state"));
        if (follow && events == null) {
            throw new BadInputException("--follow: needs --events FILE (the event log to follow)");
        }
        if (events != null) {
            if (!Files.exists(events)) {
                throw new BadInputException("--events: '" + events + "' does not exist (expected an event log file)");
            }
            // a pipe or a device is refused before anything opens it (the open of a pipe blocks)
            BoundedInput.requireRegularFile(events, "--events: '" + events + "'", "a regular event log file");
            if (!Files.isReadable(events)) {
                throw new BadInputException("--events: '" + events + "' cannot be read (check its permissions)");
            }
        }
        LogMapping logMapping = mapping.mapping();
        if (kafka.given() && events != null) {
            throw new BadInputException("--kafka and --events: give one input (the topic, or the event log file)");
        }
        kafka.checkUnused();
        io.payops.connect.kafka.KafkaSettings topic = kafka.given() ? kafka.settings() : null;
        if (events == null && topic == null && !logMapping.isEmpty()) {
            throw new BadInputException("--map, --status-map, --mapping, --tz: need --events FILE or --kafka BOOTSTRAP "
                    + "(the event log or topic they say how to read)");
        }
        if (mapping.strict()) {
            throw new BadInputException("--strict: not for the console, which reports unmapped words and ignored "
                    + "columns in its event-log bar (use it with ingest)");
        }
        return new ConsoleOptions(scenario, seedValue, speed, stateDir, null, retention.retention(),
                llm.settings(System.getenv()), events, follow, logMapping, connectorOptions.settings(System.getenv()),
                topic);
    }
}
