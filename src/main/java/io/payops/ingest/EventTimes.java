package io.payops.ingest;

import io.payops.common.BadInputException;

import java.util.List;

/**
 * The event time of a topic's record, read as the run will read it (the value's {@code ts} through the same parser
 * and mapping, else the record's timestamp): what the partitions are merged by before the engine reads them. A value
 * that is no event takes its record's timestamp here; the run's reader counts it bad. One thread (the consumer's).
 */
public final class EventTimes {
    private final EventLogFormat format;
    private final LogMapping mapping;
    private final String csvHeader;
    private final OneRecord one = new OneRecord();
    private final EventFields fields = new EventFields();
    /** Made for the first record with a value, once its format is known (or given). */
    private EventLogReader reader;

    /**
     * @param format    null to tell from the first record
     * @param csvHeader the CSV header the values are written under, or null
     */
    public EventTimes(EventLogFormat format, LogMapping mapping, String csvHeader) {
        this.format = format != null ? format : csvHeader != null ? EventLogFormat.CSV : null;
        this.mapping = mapping;
        this.csvHeader = csvHeader;
    }

    /** Epoch milliseconds; -1 when neither the value nor the record has a time. */
    public long of(byte[] value, long recordTimestamp) {
        if (reader == null) {
            // told as the session tells it (EventLogSession), so both read a value the same way
            EventLogFormat f = format != null ? format : EventLogFormat.ofValue(value);
            if (f == null) {
                return recordTimestamp;
            }
            try {
                reader = EventLogReader.over(one, "", List.of(), f, mapping, csvHeader);
            } catch (BadInputException e) {
                return recordTimestamp;   // the session says what is wrong with the header; the merge goes on
            }
        }
        one.set(value, recordTimestamp);
        return reader.next(fields) ? fields.ts : recordTimestamp;
    }

    /** A feed of one record at a time, handed to the reader once. */
    private static final class OneRecord implements RecordFeed {
        private FeedRecord record;

        void set(byte[] value, long timestamp) {
            record = new FeedRecord(0, 0, 0, timestamp, value);
        }

        @Override
        public FeedRecord next() {
            FeedRecord r = record;
            record = null;
            return r;
        }

        @Override
        public boolean ended() {
            return false;
        }

        @Override
        public boolean caughtUp() {
            return record == null;
        }

        @Override
        public void settled(long seq) {
        }

        @Override
        public String name() {
            return "";
        }
    }
}
