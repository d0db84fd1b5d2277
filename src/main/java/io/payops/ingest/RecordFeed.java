package io.payops.ingest;

/**
 * Records arriving from outside (a Kafka topic), each value one event written as one line of an event log would be:
 * what {@link EventLogReader#over} reads instead of a file, so a topic's records go through the same parsers, mapping
 * and status vocabulary, and the same {@link EventLogSource}, as a file's lines.
 *
 * <p>{@link #next()} is called by one reading thread (the engine's); the feed fetches on its own thread and never
 * makes the reader wait. {@link #settled} tells the feed how far the engine has observed, so it may commit that far.
 */
public interface RecordFeed {
    /** The next record in the order to read (partitions already merged), or null when none is ready now. */
    FeedRecord next();

    /** True when no record will ever come again (a bounded read reached its count): the input then ends like a file. */
    boolean ended();

    /**
     * True when every record there was when last asked has been handed out and none is held back (the read has
     * caught up with the topic): the world is inferred from what is there, then the run goes on with what comes.
     */
    boolean caughtUp();

    /** Every record whose {@link FeedRecord#seq()} is at most {@code seq} has been observed or counted bad. */
    void settled(long seq);

    /** For messages and the report: "kafka://127.0.0.1:9092/payments". */
    String name();

    /**
     * The run is over: commit what was settled and let go of the connection, without making the caller wait for the
     * network (the engine thread calls it).
     */
    default void close() {
    }
}
