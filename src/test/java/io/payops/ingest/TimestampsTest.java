package io.payops.ingest;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The hand-written ISO-8601 reader agrees with java.time, and refuses what is not a time. */
class TimestampsTest {
    private static long parse(String s) throws LineProblem {
        return Timestamps.parse(s.toCharArray(), 0, s.length());
    }

    @Test
    void agreesWithJavaTimeOnRandomInstantsOffsetsAndFractions() throws LineProblem {
        SplittableRandom rnd = new SplittableRandom(11);
        DateTimeFormatter withOffset = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");
        for (int i = 0; i < 20_000; i++) {
            long millis = rnd.nextLong(Timestamps.MIN_MILLIS + 86_400_000L, Timestamps.MAX_MILLIS - 86_400_000L);
            int offsetMinutes = rnd.nextInt(-14 * 60, 14 * 60 + 1);
            String text = OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.ofTotalSeconds(offsetMinutes * 60))
                    .format(withOffset);
            assertEquals(millis, parse(text), text);
            assertEquals(millis, parse(Instant.ofEpochMilli(millis).toString()), Instant.ofEpochMilli(millis).toString());
            assertEquals(millis, parse(Long.toString(millis)));
        }
    }

    @Test
    void acceptsTheCommonShapes() throws LineProblem {
        long t = Instant.parse("2026-11-21T10:15:30Z").toEpochMilli();
        assertEquals(t, parse("2026-11-21T10:15:30Z"));
        assertEquals(t, parse("2026-11-21 10:15:30Z"));
        assertEquals(t, parse("2026-11-21T10:15:30"), "no zone is read as UTC");
        assertEquals(t + 123, parse("2026-11-21T10:15:30.123456789Z"));
        assertEquals(t, parse("2026-11-21T15:45:30+0530"));
        assertEquals(t, parse("2026-11-21T12:15:30+02"));
        assertEquals(Instant.parse("2024-02-29T00:00:00Z").toEpochMilli(), parse("2024-02-29T00:00:00Z"));
    }

    @Test
    void readsEpochSecondsAndFractionsAndZoneLessTimesInTheZoneSaid() throws LineProblem {
        long t = Instant.parse("2024-11-21T10:00:00Z").toEpochMilli();
        assertEquals(t, parse("1732183200"), "epoch seconds");
        assertEquals(t + 123, parse("1732183200.123456"), "Python's time.time()");
        assertEquals(t + 5, parse("1732183200005.7"), "milliseconds with a fraction");
        String local = "2024-11-21 15:30:00";
        assertEquals(t, Timestamps.parse(local.toCharArray(), 0, local.length(), java.time.ZoneId.of("Asia/Kolkata")));
        String summer = "2024-07-01T12:00:00";
        assertEquals(Instant.parse("2024-07-01T10:00:00Z").toEpochMilli(),
                Timestamps.parse(summer.toCharArray(), 0, summer.length(), java.time.ZoneId.of("Europe/Berlin")),
                "daylight saving time counts");
        String zoned = "2024-07-01T12:00:00Z";
        assertEquals(Instant.parse(zoned).toEpochMilli(),
                Timestamps.parse(zoned.toCharArray(), 0, zoned.length(), java.time.ZoneId.of("Europe/Berlin")),
                "a time with its zone is read in that zone");
    }

    @Test
    void refusesWhatIsNotATimeOrIsOutOfRange() {
        for (String s : new String[]{"", "yesterday", "2026-13-01T00:00:00Z", "2025-02-29T00:00:00Z",
                "2026-11-21T24:00:00Z", "2026-11-21T10:15:30.Z", "2026-11-21T10:15:30+5", "2026-11-21T10:15:30Zjunk",
                "1999-12-31T23:59:59Z", "2100-01-01T00:00:00Z", "1732183200000000", "99999999999999999999", "17321832.0.1",
                "1732183200.", ".5"}) {
            assertThrows(LineProblem.class, () -> parse(s), s);
        }
    }
}
