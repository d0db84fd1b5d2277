package io.payops.ingest;

/**
 * One record of a {@link RecordFeed}.
 *
 * @param seq             its place in the order read, from 1 (what {@link RecordFeed#settled} counts)
 * @param partition       the partition it came from
 * @param offset          its offset in that partition
 * @param timestampMillis the record's own timestamp (epoch ms), the clock when the value has no {@code ts}; -1 if none
 * @param value           the value's bytes (one event, JSON or one CSV line); empty for a record with no value
 */
public record FeedRecord(long seq, int partition, long offset, long timestampMillis, byte[] value) {
    /** "partition 2 offset 41": where a bad record is, as a line number says it for a file. */
    public String where() {
        return "partition " + partition + " offset " + offset;
    }
}
