package io.payops.ingest;

import io.payops.domain.Attempt;
import io.payops.domain.Status;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A topic's records read as an event log's lines: same parsers and mapping, the record's timestamp as a fallback. */
class RecordFeedReadingTest {
    private static final long T0 = Instant.parse("2026-11-21T10:00:00Z").toEpochMilli();

    /** Records handed out in the order given; what was settled is remembered. */
    static final class ListFeed implements RecordFeed {
        final ArrayDeque<FeedRecord> records = new ArrayDeque<>();
        long settled;
        private long seq;
        boolean ended;

        ListFeed add(int partition, long offset, long timestamp, String value) {
            records.add(new FeedRecord(++seq, partition, offset, timestamp, value.getBytes(StandardCharsets.UTF_8)));
            return this;
        }

        @Override
        public FeedRecord next() {
            return records.poll();
        }

        @Override
        public boolean ended() {
            return ended && records.isEmpty();
        }

        @Override
        public boolean caughtUp() {
            return records.isEmpty();
        }

        @Override
        public void settled(long through) {
            settled = through;
        }

        @Override
        public String name() {
            return "kafka://127.0.0.1:9092/payments";
        }
    }

    private static List<Attempt> readAll(EventLogReader r) {
        List<Attempt> out = new ArrayList<>();
        EventFields f = new EventFields();
        while (r.next(f)) {
            out.add(f.toAttempt(f.ts));
        }
        return out;
    }

    @Test
    void jsonValuesReadAsLinesAndAValueWithoutTsTakesItsRecordsTimestamp() {
        ListFeed feed = new ListFeed()
                .add(0, 0, T0 + 5, "{\"ts\":" + (T0 + 1) + ",\"gateway\":\"stripe\",\"status\":\"Issuer-Down\",\"latency_ms\":90}")
                .add(1, 7, T0 + 9, "not json at all")
                .add(2, 3, T0 + 42, "{\"gateway\":\"adyen\",\"status\":\"approved\",\"latency_ms\":120}\n");
        EventLogReader r = EventLogReader.over(feed, feed.name(), List.of(), EventLogFormat.JSONL, LogMapping.NONE, null);
        List<Attempt> read = readAll(r);
        assertEquals(List.of(T0 + 1, T0 + 42), read.stream().map(Attempt::tsMillis).toList());
        assertEquals(Status.ISSUER_DOWN, read.get(0).status());
        assertEquals("adyen", read.get(1).gateway());
        EventLogStats s = r.stats();
        assertEquals("kafka://127.0.0.1:9092/payments", s.file());
        assertEquals(1, s.badLines());
        assertTrue(s.firstBadLines().get(0).toString().startsWith("record at partition 1 offset 7: not a JSON object"),
                s.firstBadLines().toString());
    }

    @Test
    void csvValuesTakeTheGivenHeaderSkipItWhenSentAgainAndNeedNoTsColumn() {
        ListFeed feed = new ListFeed()
                .add(0, 0, T0, "bank,status,latency")
                .add(0, 1, T0 + 1000, "HDFC,SUCCESS,100")
                .add(0, 2, T0 + 2000, "SBI,E10,200");
        LogMapping mapping = LogMapping.of(null, List.of("issuer=bank", "latencyMs=latency"),
                List.of("E10=ISSUER_DOWN"), null);
        EventLogReader r = EventLogReader.over(feed, feed.name(), List.of(), EventLogFormat.CSV, mapping,
                "bank,status,latency");
        List<Attempt> read = readAll(r);
        assertEquals(2, read.size(), r.stats().firstBadLines().toString());
        assertEquals(List.of(T0 + 1000, T0 + 2000), read.stream().map(Attempt::tsMillis).toList());
        assertEquals(Status.ISSUER_DOWN, read.get(1).status());
        assertEquals(0, r.stats().badLines());
    }

    @Test
    void csvValuesWithoutAHeaderTakeTheFirstRecordAsItOrSayWhatIsExpected() {
        ListFeed noHeader = new ListFeed().add(0, 0, T0, "HDFC,SUCCESS,100");
        EventLogReader r = EventLogReader.over(noHeader, noHeader.name(), List.of(), EventLogFormat.CSV,
                LogMapping.NONE, null);
        assertEquals(0, readAll(r).size());
        String problem = r.stats().firstBadLines().get(0).toString();
        assertTrue(problem.startsWith("record at partition 0 offset 0: a CSV record before any header")
                && problem.contains("expected --kafka-csv-header NAMES, or the header as the first record"), problem);

        ListFeed withHeader = new ListFeed().add(0, 0, T0, "ts,issuer,status,latencyMs")
                .add(0, 1, T0, (T0 + 5) + ",HDFC,SUCCESS,100");
        EventLogReader r2 = EventLogReader.over(withHeader, withHeader.name(), List.of(), EventLogFormat.CSV,
                LogMapping.NONE, null);
        assertEquals(List.of(T0 + 5), readAll(r2).stream().map(Attempt::tsMillis).toList());
    }

    @Test
    void whatTheEngineObservedIsSettledAndWhatItHoldsIsNot() {
        ListFeed feed = new ListFeed();
        for (int i = 0; i < 40; i++) {
            feed.add(i % 3, i / 3, -1, "{\"ts\":" + (T0 + i * 100L) + ",\"gateway\":\"g\",\"status\":\"SUCCESS\","
                    + "\"latencyMs\":5}");
        }
        feed.add(0, 99, -1, "garbage");
        List<Attempt> seen = new ArrayList<>();
        EventLogReader reader = EventLogReader.over(feed, feed.name(), List.of(), EventLogFormat.JSONL,
                LogMapping.NONE, null);
        EventLogSource s = new EventLogSource(reader, seen::add, EventLogSource.Settings.of(true, 60, 900),
                () -> 0L);
        s.advanceTo(1000);
        // the events of the first second (records 1..10) are observed; those read ahead of the clock are not
        assertEquals(10, seen.size());
        assertEquals(10, s.settledThrough());
        s.advanceTo(5000);
        assertEquals(40, seen.size());
        assertEquals(41, s.settledThrough(), "the bad record at the end counts as settled once read");
    }
}
