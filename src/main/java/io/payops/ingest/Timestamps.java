package io.payops.ingest;

import io.payops.common.Excerpt;

/**
 * Parses an event's {@code ts} without allocating: epoch milliseconds or epoch seconds, either with a fraction
 * (Python's {@code time.time()} writes {@code 1772528400.123456}), or ISO-8601 date-time
 * ({@code 2026-11-21T10:15:30.123Z}, a space for the 'T', a fraction of up to 9 digits, {@code Z}, {@code ±HH:MM},
 * {@code ±HHMM}, or no zone, read in the zone the user said, UTC by default). Seconds and milliseconds cannot be
 * confused: 2000–2099 is 9.5e8–4.1e9 in seconds and 9.5e11–4.1e12 in milliseconds. Times outside 2000–2099
 * ({@link #WINDOW}, UTC) are refused, because such a time in a payments log is nearly always a unit mistake that
 * would stall the clock for decades; the message quotes the time as the file wrote it.
 */
final class Timestamps {
    static final long MIN_MILLIS = 946_684_800_000L;   // 2000-01-01T00:00:00Z
    static final long MAX_MILLIS = 4_102_444_800_000L; // 2100-01-01T00:00:00Z
    static final String EXPECTED = "expected ISO-8601 such as 2026-11-21T10:15:30.123Z, or epoch seconds or "
            + "milliseconds, with or without a fraction";

    private Timestamps() {
    }

    /** The accepted window as a message states it (and README documents it). */
    static final String WINDOW = "2000-01-01T00:00:00Z to 2099-12-31T23:59:59.999Z";

    static long parse(char[] c, int off, int len) throws LineProblem {
        return parse(c, off, len, null);
    }

    /** @param zone the zone of a date-time written without one; null for UTC */
    static long parse(char[] c, int off, int len, java.time.ZoneId zone) throws LineProblem {
        if (len == 0) {
            throw new LineProblem("ts: empty (" + EXPECTED + ")");
        }
        int dot = epochDot(c, off, len);
        if (dot >= -1) {
            int whole = dot < 0 ? len : dot - off;
            if (whole > 18) {
                throw outside(c, off, len, "");
            }
            long v = 0;
            for (int i = 0; i < whole; i++) {
                v = v * 10 + (c[off + i] - '0');
            }
            long millis = epochMillis(v, c, off, len);
            if (dot >= 0 && millis != v) {
                // seconds with a fraction: its first three digits are milliseconds
                int scale = 100;
                for (int i = dot + 1; i < off + len && scale > 0; i++) {
                    millis += (c[i] - '0') * scale;
                    scale /= 10;
                }
            }
            return millis;
        }
        long v = iso(c, off, len, zone);
        if (v == Long.MIN_VALUE) {
            throw new LineProblem("ts: '" + Excerpt.of(c, off, len) + "' is not a time (" + EXPECTED + ")");
        }
        if (v < MIN_MILLIS || v >= MAX_MILLIS) {
            throw outside(c, off, len, "");
        }
        return v;
    }

    /** Epoch milliseconds, or epoch seconds (told apart by size), checked to fall in the window. */
    private static long epochMillis(long value, char[] c, int off, int len) throws LineProblem {
        if (value >= MIN_MILLIS / 1000 && value < MAX_MILLIS / 1000) {
            return value * 1000;
        }
        if (value < MIN_MILLIS || value >= MAX_MILLIS) {
            String hint = value >= MIN_MILLIS * 1000 && value < MAX_MILLIS * 1000
                    ? " (epoch microseconds? expected seconds or milliseconds)" : "";
            throw outside(c, off, len, hint);
        }
        return value;
    }

    /** Quotes the time as the file wrote it, not the number it was read as: "ts: 17" helps nobody find the line. */
    private static LineProblem outside(char[] c, int off, int len, String hint) {
        return new LineProblem("ts: '" + Excerpt.of(c, off, len) + "' is outside the accepted window " + WINDOW + hint
                + " (" + EXPECTED + ")");
    }

    /**
     * @return -2 when the text is not an epoch number; -1 when it is all digits; else the index of its one '.'
     * (digits on both sides)
     */
    private static int epochDot(char[] c, int off, int len) {
        int dot = -1;
        for (int i = 0; i < len; i++) {
            char ch = c[off + i];
            if (ch == '.' && dot < 0 && i > 0 && i < len - 1) {
                dot = off + i;
            } else if (ch < '0' || ch > '9') {
                return -2;
            }
        }
        return dot;
    }

    /** @return epoch milliseconds, or Long.MIN_VALUE when the text is not a valid ISO-8601 date-time */
    private static long iso(char[] c, int o, int len, java.time.ZoneId zone) {
        // yyyy-MM-ddTHH:mm:ss is 19 characters, the least we accept
        if (len < 19 || c[o + 4] != '-' || c[o + 7] != '-' || (c[o + 10] != 'T' && c[o + 10] != ' ' && c[o + 10] != 't')
                || c[o + 13] != ':' || c[o + 16] != ':') {
            return Long.MIN_VALUE;
        }
        int year = digits(c, o, 4);
        int month = digits(c, o + 5, 2);
        int day = digits(c, o + 8, 2);
        int hour = digits(c, o + 11, 2);
        int minute = digits(c, o + 14, 2);
        int second = digits(c, o + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return Long.MIN_VALUE;
        }
        int i = o + 19;
        int end = o + len;
        long millis = 0;
        if (i < end && (c[i] == '.' || c[i] == ',')) {
            i++;
            int n = 0;
            int scale = 100;
            while (i < end && c[i] >= '0' && c[i] <= '9') {
                if (n < 3) {
                    millis += (c[i] - '0') * scale;
                    scale /= 10;
                }
                n++;
                i++;
            }
            if (n == 0 || n > 9) {
                return Long.MIN_VALUE;
            }
        }
        long offsetMinutes = 0;
        if (i == end && zone != null) {
            // written without a zone: in the zone the user said (the offset of that local time, DST included)
            java.time.LocalDateTime local = java.time.LocalDateTime.of(year, month, day, hour, minute, second);
            offsetMinutes = zone.getRules().getOffset(local).getTotalSeconds() / 60;
        }
        if (i < end) {
            char z = c[i];
            if ((z == 'Z' || z == 'z') && i + 1 == end) {
                i++;
            } else if (z == '+' || z == '-') {
                int rest = end - i - 1;
                int hh;
                int mm;
                if (rest == 5 && c[i + 3] == ':') {
                    hh = digits(c, i + 1, 2);
                    mm = digits(c, i + 4, 2);
                } else if (rest == 4) {
                    hh = digits(c, i + 1, 2);
                    mm = digits(c, i + 3, 2);
                } else if (rest == 2) {
                    hh = digits(c, i + 1, 2);
                    mm = 0;
                } else {
                    return Long.MIN_VALUE;
                }
                if (hh < 0 || hh > 18 || mm < 0 || mm > 59) {
                    return Long.MIN_VALUE;
                }
                offsetMinutes = (z == '+' ? 1 : -1) * (hh * 60L + mm);
                i = end;
            } else {
                return Long.MIN_VALUE;
            }
        }
        long days = daysFromCivil(year, month, day);
        return ((days * 24 + hour) * 60 + minute - offsetMinutes) * 60_000L + second * 1000L + millis;
    }

    private static int digits(char[] c, int o, int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            char ch = c[o + i];
            if (ch < '0' || ch > '9') {
                return -1;
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
    static long daysFromCivil(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }
}
