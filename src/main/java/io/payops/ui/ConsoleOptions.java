package io.payops.ui;

import io.payops.agent.reason.llm.LlmSettings;
import io.payops.connect.ConnectorSettings;
import io.payops.ingest.LogMapping;
import io.payops.store.SessionRetention;

import java.nio.file.Path;

/**
 * How the console starts (DESIGN §5.1 {@code console} and {@code replay}): scenario name or file (null: the one used
 * last, else live-demo), seed (null: the scenario's own), speed ×1 … ×100, the state directory, and a recorded
 * session folder to open in replay mode instead of live traffic (null: live), and how many recorded sessions the state
 * folder keeps, and the LLM to start with (null: the heuristics; the key, if any, stays in memory), and an event log to
 * run the agent over instead of live traffic (null: live), read once or, with {@code follow}, as it grows, and how
 * its columns and words are read ({@code --map}, …; the File menu's mapping step is skipped then), and the
 * connectors to start ({@code --alertmanager}, …), and a Kafka topic to run the agent over instead of live traffic
 * ({@code --kafka …}; null: none). Validated by the command line before the window opens.
 */
public record ConsoleOptions(String scenario, Long seed, Double speed, Path stateDir, Path replay,
                             SessionRetention retention, LlmSettings llm, Path eventLog, boolean follow,
                             LogMapping mapping, ConnectorSettings connectors,
                             io.payops.connect.kafka.KafkaSettings kafka) {
    public static final String DEFAULT_SCENARIO = "live-demo";
    public static final ConsoleOptions DEFAULTS = new ConsoleOptions(null, null, null, Path.of("state"));

    public ConsoleOptions {
        retention = retention == null ? SessionRetention.DEFAULT : retention;
        mapping = mapping == null ? LogMapping.NONE : mapping;
        connectors = connectors == null ? ConnectorSettings.NONE : connectors;
    }

    /** Without a topic. */
    public ConsoleOptions(String scenario, Long seed, Double speed, Path stateDir, Path replay,
                          SessionRetention retention, LlmSettings llm, Path eventLog, boolean follow,
                          LogMapping mapping, ConnectorSettings connectors) {
        this(scenario, seed, speed, stateDir, replay, retention, llm, eventLog, follow, mapping, connectors, null);
    }

    /** Without connectors: nothing leaves the window. */
    public ConsoleOptions(String scenario, Long seed, Double speed, Path stateDir, Path replay,
                          SessionRetention retention, LlmSettings llm, Path eventLog, boolean follow,
                          LogMapping mapping) {
        this(scenario, seed, speed, stateDir, replay, retention, llm, eventLog, follow, mapping, null);
    }

    /** Without a mapping: the event log's columns read by their names. */
    public ConsoleOptions(String scenario, Long seed, Double speed, Path stateDir, Path replay,
                          SessionRetention retention, LlmSettings llm, Path eventLog, boolean follow) {
        this(scenario, seed, speed, stateDir, replay, retention, llm, eventLog, follow, LogMapping.NONE);
    }

    public ConsoleOptions(String scenario, Long seed, Double speed, Path stateDir, Path replay,
                          SessionRetention retention, LlmSettings llm) {
        this(scenario, seed, speed, stateDir, replay, retention, llm, null, false);
    }

    /** Live traffic: the options {@code console} takes. */
    public ConsoleOptions(String scenario, Long seed, Double speed, Path stateDir) {
        this(scenario, seed, speed, stateDir, null, null, null);
    }

    /** The console opened directly on a recorded session ({@code payops replay SESSION_DIR}). */
    public static ConsoleOptions replay(Path session, Path stateDir) {
        return new ConsoleOptions(null, null, null, stateDir, session, null, null);
    }
}
