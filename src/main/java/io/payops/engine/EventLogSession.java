package io.payops.engine;

import io.payops.common.BadInputException;
import io.payops.ingest.EventLogFormat;
import io.payops.ingest.EventLogReader;
import io.payops.ingest.EventLogSource;
import io.payops.ingest.EventLogStats;
import io.payops.ingest.EventLogWorld;
import io.payops.ingest.LogMapping;
import io.payops.policy.Policy;
import io.payops.sim.Scenario;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * An event log made ready for the engine: the world its recommendations are made over (a scenario's, or inferred
 * from the log's head) wrapped as a scenario with no faults, and, once {@link #engine} is called, the source that
 * feeds the engine from the log. Used by {@code ingest} and by the console alike.
 */
public final class EventLogSession {
    private static final long WAIT_POLL_MILLIS = 250;

    private final Path file;
    private final EventLogFormat format;
    private final boolean follow;
    private final LogMapping mapping;
    private final Scenario scenario;
    private final String worldNote;
    private EventLogSource source;

    private EventLogSession(Path file, EventLogFormat format, boolean follow, LogMapping mapping, Scenario scenario,
                            String worldNote) {
        this.file = file;
        this.format = format;
        this.follow = follow;
        this.mapping = mapping;
        this.scenario = scenario;
        this.worldNote = worldNote;
    }

    /**
     * @param format    null to tell from the file
     * @param worldFrom the scenario whose world to route over (its faults and traffic are ignored), or null to infer
     *                  it from the log's head
     * @param cancelled polled while a followed file holds no event yet (this call waits for the first ones)
     * @return the session, or null when cancelled before a followed file had any event
     * @throws BadInputException when the file is missing or unreadable, or (not following) holds no event
     */
    public static EventLogSession open(Path file, EventLogFormat format, Scenario worldFrom, boolean follow,
                                       BooleanSupplier cancelled) throws InterruptedException {
        return open(file, format, LogMapping.NONE, worldFrom, follow, cancelled);
    }

    /**
     * @param mapping what the user said about the log's columns, status words and zone ({@link LogMapping#NONE}
     *                for our names and the aliases alone)
     */
    public static EventLogSession open(Path file, EventLogFormat format, LogMapping mapping, Scenario worldFrom,
                                       boolean follow, BooleanSupplier cancelled) throws InterruptedException {
        EventLogReader probe = EventLogReader.open(file, format, follow, mapping);
        EventLogFormat f = probe.format();
        probe.close();
        String name = file.getFileName().toString();
        if (worldFrom != null) {
            return new EventLogSession(file, f, follow, mapping, Scenario.ofEventLog(name, worldFrom.world()),
                    "from scenario " + worldFrom.name());
        }
        while (true) {
            EventLogWorld.Inferred inferred;
            EventLogStats stats;
            try (EventLogReader head = EventLogReader.open(file, f, false, mapping)) {
                // judged as the run will judge them, so a line the run rejects does not shape the world
                EngineOptions o = EngineOptions.DEFAULT;
                inferred = EventLogWorld.infer(head, EventLogSource.Settings.of(false, o.windowSeconds(),
                        o.baselineSeconds()), o.windowSeconds());
                stats = head.stats();
            }
            if (inferred != null) {
                return new EventLogSession(file, f, follow, mapping, Scenario.ofEventLog(name, inferred.world()),
                        inferred.note());
            }
            if (!follow) {
                throw new BadInputException(noEvents(file, stats));
            }
            if (cancelled.getAsBoolean()) {
                return null;
            }
            Thread.sleep(WAIT_POLL_MILLIS);
        }
    }

    static String noEvents(Path file, EventLogStats stats) {
        if (stats.badLines() == 0) {
            return "event log '" + file + "' has no events (it is empty; expected one attempt per line, JSON lines or "
                    + "CSV with a header)";
        }
        return "event log '" + file + "' has no valid event: " + stats.badLines() + " bad line(s), first: "
                + stats.firstBadLines().get(0);
    }

    /** Builds the engine over the log; the source reads it from the start (and, when following, keeps reading). */
    public Engine engine(Policy policy, EngineOptions options) {
        if (source != null) {
            throw new IllegalStateException("the engine over " + file + " was built already");
        }
        EventLogReader reader = EventLogReader.open(file, format, follow, mapping);
        return Engine.over(scenario, policy, options, sink -> source = new EventLogSource(reader, sink,
                EventLogSource.Settings.of(follow, options.windowSeconds(), options.baselineSeconds()),
                System::currentTimeMillis));
    }

    public Scenario scenario() {
        return scenario;
    }

    public String worldNote() {
        return worldNote;
    }

    public Path file() {
        return file;
    }

    public EventLogFormat format() {
        return format;
    }

    public LogMapping mapping() {
        return mapping;
    }

    public boolean follow() {
        return follow;
    }

    /** The source, once {@link #engine} built it. */
    public EventLogSource source() {
        return source;
    }

    /** Closes the file. */
    public void close() {
        if (source != null) {
            source.reader().close();
        }
    }
}
