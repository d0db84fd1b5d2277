package io.payops.connect.kafka;

import io.payops.connect.ConnectorHealth;
import io.payops.ingest.EventLogFormat;
import io.payops.ingest.EventTimes;
import io.payops.ingest.FeedRecord;
import io.payops.ingest.LogMapping;
import io.payops.ingest.RecordFeed;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A Kafka topic as a {@link RecordFeed}: Apache Kafka's own consumer on a thread of its own fetches the records,
 * a {@link TimeMerge} puts the partitions in time order, and the engine's reader takes them without waiting. Offsets
 * are committed only as far as the engine has observed ({@link #settled}, after each tick), so a restart with the same
 * group resumes after the last event observed: no record observed twice, none skipped.
 *
 * <p>A broker that is not there (yet), or goes away, never ends the run: the consumer keeps trying, its reconnects
 * backing off up to {@link #MAX_BACKOFF_MILLIS}, and the outage is said once through {@code notices} (stderr, the
 * console's banner), and again once it is back. Fetching pauses while {@link #MAX_HELD} records wait for the engine,
 * so memory stays bounded however far behind the run is.
 */
public final class KafkaFeed implements RecordFeed {
    /** How late a record may be behind another partition's and still be merged in order (see {@link TimeMerge}). */
    public static final long LATENESS_MILLIS = TimeMerge.LATENESS_MILLIS;
    /** One poll waits at most this long: short, so closing and the merge's quiet flush are prompt. */
    static final Duration POLL = Duration.ofMillis(100);
    /**
     * No record for this long and the merge lets go of everything it holds: the topic is quiet, nothing earlier is
     * on its way, and the engine should see the last events without waiting for the next ones.
     */
    static final long QUIET_FLUSH_MILLIS = 500;
    /** No record for this long: the broker is asked whether it is there (a poll alone cannot tell quiet from gone). */
    static final long PROBE_AFTER_MILLIS = 2_000;
    /** A broker on the same network answers metadata in milliseconds; three seconds of silence is an outage. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
    static final long MIN_BACKOFF_MILLIS = 500;
    /** Retries back off to at most ten seconds: a broker that is back is noticed within that. */
    static final long MAX_BACKOFF_MILLIS = 10_000;
    /**
     * Records read and not yet taken by the engine, past which fetching pauses: a second of traffic at 50,000
     * attempts/s (~12 MB of values), so the consumer stays ahead of the engine without holding a backlog in memory.
     */
    static final int MAX_HELD = 50_000;
    /** At the end: how long the last commit and the consumer's goodbye to its group may take. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    /** One fetch's records: larger batches cost fewer round trips when reading a backlog. */
    private static final int MAX_POLL_RECORDS = 5_000;

    private final KafkaSettings settings;
    private final BrokerWatch watch;
    private final EventTimes times;
    private final Consumer<String> notices;

    private final Object lock = new Object();
    // ---- under lock: shared by the consumer's thread and the reading (engine) thread
    private final TimeMerge merge = new TimeMerge();
    private ArrayDeque<TimeMerge.Held> ready = new ArrayDeque<>();
    /** Per partition, in offset order: records read and not yet observed (what bounds the commit). */
    private final Map<Integer, ArrayDeque<TimeMerge.Held>> unsettled = new HashMap<>();
    private final Map<TopicPartition, OffsetAndMetadata> toCommit = new HashMap<>();
    /** The newest offset sent in a commit, per partition: a failed older commit must not put its offset back. */
    private final Map<TopicPartition, OffsetAndMetadata> issued = new HashMap<>();
    private boolean lagZero;
    private long settledRecords;
    private long committedRecords;
    private long pendingCommitRecords;

    // ---- the reading thread's own
    private ArrayDeque<TimeMerge.Held> batch = new ArrayDeque<>();
    private final ArrayDeque<TimeMerge.Held> delivered = new ArrayDeque<>();
    private volatile long seq;

    private volatile boolean closing;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread thread;

    private KafkaFeed(KafkaSettings settings, EventLogFormat format, LogMapping mapping, Consumer<String> notices) {
        this.settings = settings;
        this.notices = notices;
        this.watch = new BrokerWatch(settings.bootstrap(), notices, System::currentTimeMillis);
        this.times = new EventTimes(format, mapping, settings.csvHeader());
        this.thread = new Thread(this::run, "kafka-" + settings.topic());
        // the run's end closes the feed and waits for its last commit; a JVM leaving on Ctrl+C must not wait for it
        thread.setDaemon(true);
    }

    /**
     * Starts reading {@code settings}' topic on a thread of its own; returns at once (the broker may not be there).
     *
     * @param format  how the values are written, or null to tell from the first record (CSV with a header given)
     * @param notices where an outage and its end are said, once each (any thread)
     */
    public static KafkaFeed start(KafkaSettings settings, EventLogFormat format, LogMapping mapping,
                                  Consumer<String> notices) {
        KafkaFeed feed = new KafkaFeed(settings, format, mapping, notices);
        feed.thread.start();
        return feed;
    }

    // ---- the reading thread ------------------------------------------------------------------------------------

    @Override
    public FeedRecord next() {
        Long max = settings.maxRecords();
        if (max != null && seq >= max) {
            return null;
        }
        if (batch.isEmpty()) {
            synchronized (lock) {
                if (ready.isEmpty()) {
                    return null;
                }
                ArrayDeque<TimeMerge.Held> swap = batch;
                batch = ready;
                ready = swap;
            }
        }
        TimeMerge.Held h = batch.pollFirst();
        long s = seq + 1;
        seq = s;
        delivered.addLast(h);
        return new FeedRecord(s, h.partition, h.offset, h.recordTimestamp, h.value);
    }

    @Override
    public boolean ended() {
        Long max = settings.maxRecords();
        return max != null && seq >= max;
    }

    @Override
    public boolean caughtUp() {
        if (!batch.isEmpty()) {
            return false;
        }
        synchronized (lock) {
            return lagZero && merge.size() == 0 && ready.isEmpty();
        }
    }

    @Override
    public void settled(long through) {
        boolean any = false;
        // delivered holds the newest records handed out, one per sequence number: its head is seq - size + 1
        while (!delivered.isEmpty() && seq - delivered.size() + 1 <= through) {
            delivered.pollFirst().settled = true;
            any = true;
        }
        if (!any) {
            return;
        }
        synchronized (lock) {
            for (Map.Entry<Integer, ArrayDeque<TimeMerge.Held>> e : unsettled.entrySet()) {
                ArrayDeque<TimeMerge.Held> q = e.getValue();
                long next = -1;
                while (!q.isEmpty() && q.peekFirst().settled) {
                    next = q.pollFirst().offset + 1;
                    settledRecords++;
                    pendingCommitRecords++;
                }
                if (next >= 0) {
                    toCommit.put(new TopicPartition(settings.topic(), e.getKey()), new OffsetAndMetadata(next));
                }
            }
        }
    }

    @Override
    public String name() {
        return settings.name();
    }

    /** Any thread: ends the consumer after a last commit of what was observed; does not wait (see {@link #awaitClosed}). */
    @Override
    public void close() {
        closing = true;
        thread.interrupt();
    }

    /** Waits up to {@code millis} for the last commit and the consumer's close; true when done. */
    public boolean awaitClosed(long millis) throws InterruptedException {
        return closed.await(millis, TimeUnit.MILLISECONDS);
    }

    // ---- what the run and the console show ----------------------------------------------------------------------

    /** Records handed to the engine so far. */
    public long recordsRead() {
        return seq;
    }

    /** Records whose offsets were committed (the broker acknowledged). */
    public long recordsCommitted() {
        synchronized (lock) {
            return committedRecords;
        }
    }

    /** Records that came after a later one had been released by the merge (still observed, out of order). */
    public long lateRecords() {
        synchronized (lock) {
            return merge.late();
        }
    }

    public boolean brokerDown() {
        synchronized (watch) {
            return watch.down();
        }
    }

    public KafkaSettings settings() {
        return settings;
    }

    /**
     * For the console's status line and the report's {@code connectors}, as a source ("kafka HOST:PORT/TOPIC"):
     * records read, outages, records held (read, not yet handed to the engine), and the error while the broker is
     * down. Any thread, non-blocking.
     */
    public ConnectorHealth health() {
        int held;
        synchronized (lock) {
            held = merge.size() + ready.size();
        }
        synchronized (watch) {
            return ConnectorHealth.source("kafka " + settings.bootstrap() + "/" + settings.topic(), seq,
                    watch.outages(), held, watch.down() ? watch.lastError() : null);
        }
    }

    // ---- the consumer's thread -----------------------------------------------------------------------------------

    private void run() {
        KafkaConsumer<byte[], byte[]> consumer = null;
        long backoff = MIN_BACKOFF_MILLIS;
        long lastArrival = System.currentTimeMillis();
        long nextProbe = lastArrival;
        // until the broker first answers, it is asked at once: one not there yet is said within the probe's timeout
        boolean answeredOnce = false;
        try {
            while (!closing) {
                try {
                    if (consumer == null) {
                        consumer = open();
                    }
                    pauseOrResume(consumer);
                    ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                    long now = System.currentTimeMillis();
                    if (!records.isEmpty()) {
                        answeredOnce = true;
                        answered();
                        lastArrival = now;
                        backoff = MIN_BACKOFF_MILLIS;
                        take(records);
                    }
                    commit(consumer, false);
                    // quiet means nothing came while fetching: a pause of our own (the engine is busy) is no quiet
                    boolean quiet = now - lastArrival >= QUIET_FLUSH_MILLIS && consumer.paused().isEmpty();
                    List<Integer> atEnd = atEnd(consumer);
                    boolean caughtUp = !atEnd.isEmpty() && atEnd.size() == consumer.assignment().size();
                    synchronized (lock) {
                        merge.caughtUp(atEnd);
                        merge.release(quiet, ready::addLast);
                        lagZero = caughtUp;
                    }
                    boolean ask = now - lastArrival >= PROBE_AFTER_MILLIS || !answeredOnce || brokerDown();
                    if (ask && now >= nextProbe) {
                        Map<String, ?> topics = consumer.listTopics(PROBE_TIMEOUT);
                        answeredOnce = true;
                        answered();
                        backoff = MIN_BACKOFF_MILLIS;
                        nextProbe = System.currentTimeMillis() + PROBE_AFTER_MILLIS;
                        if (!topics.containsKey(settings.topic())) {
                            missingTopic();
                        }
                    }
                } catch (WakeupException | InterruptException e) {
                    // closing
                } catch (KafkaException | IllegalStateException e) {
                    failed(describe(e));
                    if (consumer == null || e instanceof IllegalStateException) {
                        closeQuietly(consumer);
                        consumer = null;
                    }
                    nextProbe = System.currentTimeMillis() + backoff;
                    sleep(backoff);
                    backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
                }
            }
        } finally {
            Thread.interrupted();   // the close's interrupt must not cut the last commit short
            if (consumer != null) {
                try {
                    commit(consumer, true);
                } catch (KafkaException e) {
                    notices.accept("kafka: the last offsets could not be committed to " + settings.bootstrap() + " ("
                            + describe(e) + "); a restart with group " + settings.group() + " reads again the records "
                            + "since the last commit");
                }
                closeQuietly(consumer);
            }
            closed.countDown();
        }
    }

    private KafkaConsumer<byte[], byte[]> open() {
        KafkaLogging.quiet();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, settings.group());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "payops-" + settings.group());
        // offsets are committed by hand, after the engine observed the records (see settled)
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, settings.from());
        // a consumer reads; it does not create the topic it was told to read (a typo would make one)
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(MAX_POLL_RECORDS));
        p.put(ConsumerConfig.RECONNECT_BACKOFF_MS_CONFIG, Long.toString(MIN_BACKOFF_MILLIS / 2));
        p.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, Long.toString(MAX_BACKOFF_MILLIS));
        KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        c.subscribe(List.of(settings.topic()), new Rebalance(c));
        return c;
    }

    /** Parses each record's event time outside the lock, then hands the batch to the merge at once. */
    private void take(ConsumerRecords<byte[], byte[]> records) {
        List<TimeMerge.Held> batchIn = new ArrayList<>(records.count());
        for (ConsumerRecord<byte[], byte[]> r : records) {
            long ts = r.timestampType() == TimestampType.NO_TIMESTAMP_TYPE ? -1 : r.timestamp();
            batchIn.add(new TimeMerge.Held(r.partition(), r.offset(), times.of(r.value(), ts), ts, r.value()));
        }
        synchronized (lock) {
            for (TimeMerge.Held h : batchIn) {
                merge.add(h);
                unsettled.computeIfAbsent(h.partition, k -> new ArrayDeque<>()).addLast(h);
            }
        }
    }

    /**
     * While the engine has enough to read, fetching pauses for the partitions ahead of the merge: the slowest go on,
     * so the merge can release what it holds instead of waiting on them. (A count asked for bounds what is handed
     * out, not what is fetched: the count is then the first records in time order, whichever partitions hold them;
     * those fetched past it are neither handed out nor committed, and the next run reads them.)
     */
    private void pauseOrResume(KafkaConsumer<byte[], byte[]> c) {
        int held;
        List<Integer> ahead;
        synchronized (lock) {
            held = merge.size() + ready.size();
            ahead = held > MAX_HELD ? merge.ahead() : List.of();
        }
        Set<TopicPartition> assigned = c.assignment();
        if (held > 2 * MAX_HELD) {
            c.pause(assigned);   // the engine is not reading (it reached its count): hold no more
        } else if (held > MAX_HELD) {
            // exactly the partitions ahead are paused: one that was ahead and is now the slowest is fetched again
            Set<TopicPartition> pause = new java.util.HashSet<>();
            for (TopicPartition tp : assigned) {
                if (ahead.contains(tp.partition())) {
                    pause.add(tp);
                }
            }
            List<TopicPartition> resume = c.paused().stream().filter(tp -> !pause.contains(tp)).toList();
            if (!resume.isEmpty()) {
                c.resume(resume);
            }
            c.pause(pause);
        } else if (held < MAX_HELD / 2 && !c.paused().isEmpty()) {
            c.resume(c.paused());
        }
    }

    /** The assigned partitions read to their end as far as the consumer knows (lag zero). */
    private static List<Integer> atEnd(KafkaConsumer<byte[], byte[]> c) {
        List<Integer> out = new ArrayList<>();
        for (TopicPartition tp : c.assignment()) {
            OptionalLong lag = c.currentLag(tp);
            if (lag.isPresent() && lag.getAsLong() == 0) {
                out.add(tp.partition());
            }
        }
        return out;
    }

    private void commit(KafkaConsumer<byte[], byte[]> c, boolean last) {
        Map<TopicPartition, OffsetAndMetadata> offsets;
        long records;
        synchronized (lock) {
            if (toCommit.isEmpty()) {
                return;
            }
            offsets = new HashMap<>(toCommit);
            issued.putAll(offsets);
            records = pendingCommitRecords;
            toCommit.clear();
            pendingCommitRecords = 0;
        }
        if (last) {
            c.commitSync(offsets, CLOSE_TIMEOUT);
            committed(records);
            return;
        }
        c.commitAsync(offsets, (done, e) -> {
            if (e == null) {
                committed(records);
                return;
            }
            synchronized (lock) {
                // put back what no newer commit has replaced, sent or waiting; the next round sends it again (a
                // newer commit in flight, were it put back, would move the group's offset backwards)
                done.forEach((tp, o) -> {
                    if (o.equals(issued.get(tp))) {
                        toCommit.putIfAbsent(tp, o);
                    }
                });
                pendingCommitRecords += records;
            }
        });
    }

    private void committed(long records) {
        synchronized (lock) {
            committedRecords += records;
        }
    }

    private void answered() {
        synchronized (watch) {
            watch.answered();
        }
    }

    private void failed(String why) {
        synchronized (watch) {
            watch.failed(why);
        }
    }

    private boolean missingTopicSaid;

    private void missingTopic() {
        if (!missingTopicSaid) {
            missingTopicSaid = true;
            notices.accept("kafka: topic " + settings.topic() + " does not exist on " + settings.bootstrap()
                    + " (yet); waiting for it (expected a topic whose record values are attempts)");
        }
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        if (e instanceof org.apache.kafka.common.errors.TimeoutException) {
            return "no answer within " + PROBE_TIMEOUT.toSeconds() + " s";
        }
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null) {
            m = (m == null ? "" : m + ": ") + cause.getMessage();
        }
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            // closing: the loop sees it
        }
    }

    private static void closeQuietly(KafkaConsumer<byte[], byte[]> c) {
        if (c == null) {
            return;
        }
        try {
            c.close(CLOSE_TIMEOUT);
        } catch (RuntimeException e) {
            // leaving anyway: the broker expires the member on its own
        }
    }

    /** Keeps the merge's partitions in step with the group's assignment (called inside poll, on this thread). */
    private final class Rebalance implements ConsumerRebalanceListener {
        private final KafkaConsumer<byte[], byte[]> consumer;

        Rebalance(KafkaConsumer<byte[], byte[]> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            synchronized (lock) {
                merge.assign(consumer.assignment().stream().map(TopicPartition::partition).toList());
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            try {
                commit(consumer, true);
            } catch (KafkaException e) {
                // the next owner reads again from the last commit: at least once, never lost
            }
            drop(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            drop(partitions);
        }

        /**
         * A partition taken away: the merge drops what it has not released (its next owner reads it), and nothing of
         * it is committed from here on, not even records already handed out, which would overwrite the new owner's
         * offset.
         */
        private void drop(Collection<TopicPartition> partitions) {
            synchronized (lock) {
                for (TopicPartition tp : partitions) {
                    merge.revoke(tp.partition());
                    unsettled.remove(tp.partition());
                    toCommit.remove(tp);
                    issued.remove(tp);
                }
                List<Integer> kept = new ArrayList<>();
                for (TopicPartition tp : consumer.assignment()) {
                    if (!partitions.contains(tp)) {
                        kept.add(tp.partition());
                    }
                }
                merge.assign(kept);
            }
        }
    }
}
