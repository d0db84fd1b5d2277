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

import io.payops.ingest.FeedRecord;
import io.payops.ingest.RecordFeed;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * An event log made ready for the engine: the world its recommendations are made over (a scenario's, or inferred
 * from the log's head) wrapped as a scenario with no faults, and, once {@link #engine} is called, the source that
 * feeds the engine from the log. Used by {@code ingest} and by the console alike.
 */
public final class EventLogSession {
    private static final long WAIT_POLL_MILLIS = 250;
    /** A topic is looked at this often while its first records are awaited: records come in batches, not lines. */
    private static final long FEED_POLL_MILLIS = 50;
    /**
     * The most records a topic's head holds for inferring the world. The file's head is read again from the disk; a
     * topic's must be kept in memory until the run reads it: 100,000 records of ~250 bytes is ~25 MB, and covers the
     * 15 minutes the file's head is read for at 100 attempts/s.
     */
    static final int FEED_HEAD_RECORDS = 100_000;

    private final Path file;
    /** Reading a topic instead of a file: the feed, its head (already taken), its CSV header; all null for a file. */
    private RecordFeed feed;
    private List<FeedRecord> head;
    private String csvHeader;
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

    /**
     * A session over a topic's records instead of a file (Kafka in): it waits for the first records, takes the
     * topic's head (what is there now, up to {@link #FEED_HEAD_RECORDS}) to infer the world from, as the file's head
     * is, then reads the head and everything after it through the same reader and source as a followed file.
     *
     * @param format    null to tell from the first record ('{' is JSON, else CSV); CSV when {@code csvHeader} is given
     * @param csvHeader the CSV header the values are written under, or null (JSON, or the header as the first record)
     * @param cancelled polled while no record has come yet
     * @return the session, or null when cancelled before the topic had a record
     * @throws BadInputException when the head's keys or the header lack a required field, or the head holds no
     *                           valid event and the topic ended or the head is full
     */
    public static EventLogSession open(RecordFeed feed, EventLogFormat format, String csvHeader, LogMapping mapping,
                                       Scenario worldFrom, BooleanSupplier cancelled) throws InterruptedException {
        List<FeedRecord> head = new ArrayList<>();
        // the head size a world was last inferred from in vain: inferring again from the same records gives the same
        // answer, so a caught-up topic of bad records waits for a new one instead of re-reading its head every poll
        int triedAt = -1;
        while (true) {
            FeedRecord r = feed.next();
            if (r != null) {
                head.add(r);
                if (head.size() < FEED_HEAD_RECORDS) {
                    continue;
                }
            } else if (head.isEmpty() || !(feed.caughtUp() || feed.ended())) {
                if (head.isEmpty() && feed.ended()) {
                    throw new BadInputException(feed.name() + " has no records (expected one attempt per record)");
                }
                if (cancelled.getAsBoolean()) {
                    return null;
                }
                Thread.sleep(FEED_POLL_MILLIS);
                continue;
            }
            if (head.size() == triedAt && !feed.ended()) {
                if (cancelled.getAsBoolean()) {
                    return null;
                }
                Thread.sleep(FEED_POLL_MILLIS);
                continue;
            }
            EventLogFormat f = format != null ? format : csvHeader != null ? EventLogFormat.CSV : formatOf(head);
            if (worldFrom != null) {
                // the reader checks the head's keys (or the header) now, so a missing field is said before the run
                EventLogReader.over(null, feed.name(), head, f, mapping, csvHeader).close();
                return new EventLogSession(feed, head, csvHeader, f, mapping, Scenario.ofEventLog(topicName(feed),
                        worldFrom.world()), "from scenario " + worldFrom.name());
            }
            EventLogWorld.Inferred inferred;
            EventLogStats stats;
            try (EventLogReader reader = EventLogReader.over(null, feed.name(), head, f, mapping, csvHeader)) {
                EngineOptions o = EngineOptions.DEFAULT;
                inferred = EventLogWorld.infer(reader, EventLogSource.Settings.of(false, o.windowSeconds(),
                        o.baselineSeconds()), o.windowSeconds());
                stats = reader.stats();
            }
            if (inferred != null) {
                return new EventLogSession(feed, head, csvHeader, f, mapping, Scenario.ofEventLog(topicName(feed),
                        inferred.world()), inferred.note());
            }
            if (head.size() >= FEED_HEAD_RECORDS || feed.ended()) {
                throw new BadInputException(feed.name() + " has no valid event in its first " + head.size()
                        + " records: " + stats.badLines() + " bad, first: " + stats.firstBadLines().get(0));
            }
            triedAt = head.size();
            if (cancelled.getAsBoolean()) {
                return null;
            }
            Thread.sleep(FEED_POLL_MILLIS);
        }
    }

    private EventLogSession(RecordFeed feed, List<FeedRecord> head, String csvHeader, EventLogFormat format,
                            LogMapping mapping, Scenario scenario, String worldNote) {
        this(null, format, true, mapping, scenario, worldNote);
        this.feed = feed;
        this.head = head;
        this.csvHeader = csvHeader;
    }

    /** The first record with a value decides ({@link EventLogFormat#ofValue}); JSON lines when none has one. */
    private static EventLogFormat formatOf(List<FeedRecord> head) {
        for (FeedRecord r : head) {
            EventLogFormat f = EventLogFormat.ofValue(r.value());
            if (f != null) {
                return f;
            }
        }
        return EventLogFormat.JSONL;
    }

    /** The run's name: the topic's name as its feed says it ("kafka://host:9092/payments" reads "payments"). */
    private static String topicName(RecordFeed feed) {
        String n = feed.name();
        int slash = n.lastIndexOf('/');
        return slash >= 0 && slash < n.length() - 1 ? n.substring(slash + 1) : n;
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
            throw new IllegalStateException("the engine over " + name() + " was built already");
        }
        EventLogReader reader = feed != null ? EventLogReader.over(feed, feed.name(), head, format, mapping, csvHeader)
                : EventLogReader.open(file, format, follow, mapping);
        head = null;   // the reader holds it now; it is let go as the run reads past it
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

    /** The file read, or null over a topic. */
    public Path file() {
        return file;
    }

    /** The file's path or the topic's name ("kafka://host:9092/payments"), as messages say it. */
    public String name() {
        return feed != null ? feed.name() : file.toString();
    }

    /** The topic's feed, or null over a file. */
    public RecordFeed feed() {
        return feed;
    }

    /**
     * After each tick, on the engine thread: tells a topic's feed how far the engine has observed, so it commits
     * that far and no further (a restart resumes after the last event observed). Nothing for a file.
     */
    public void afterTick() {
        if (feed != null && source != null) {
            feed.settled(source.settledThrough());
        }
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

    /** Closes the file, or the topic's feed (which commits what was observed on its own thread). */
    public void close() {
        if (source != null) {
            source.reader().close();
        }
        if (feed != null) {
            feed.close();
        }
    }
}
