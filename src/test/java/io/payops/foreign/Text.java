package io.payops.foreign;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The number and time spellings the dialects need, written by hand into a StringBuilder: fast (a log is up to ~80k
 * lines) and free of Locale and of Double.toString's quirks, so that a seed always writes the same bytes.
 */
final class Text {
    private Text() {
    }

    /** yyyy-MM-dd{sep}HH:mm:ss.fff (digits = 3) or .ffffff (digits = 6) of the UTC wall clock, no zone. */
    static void iso(StringBuilder b, long micros, char sep, int digits) {
        iso(b, micros, sep, digits, 0);
    }

    /** The wall clock at a fixed offset from UTC, still without the offset itself. */
    static void iso(StringBuilder b, long micros, char sep, int digits, int offsetMinutes) {
        long sec = Math.floorDiv(micros, 1_000_000);
        int frac = (int) Math.floorMod(micros, 1_000_000);
        LocalDateTime t = LocalDateTime.ofEpochSecond(sec, 0, ZoneOffset.UTC).plusMinutes(offsetMinutes);
        b.append(t.getYear()).append('-');
        two(b, t.getMonthValue());
        b.append('-');
        two(b, t.getDayOfMonth());
        b.append(sep);
        two(b, t.getHour());
        b.append(':');
        two(b, t.getMinute());
        b.append(':');
        two(b, t.getSecond());
        if (digits == 3) {
            b.append('.');
            pad(b, frac / 1000, 3);
        } else if (digits == 6) {
            b.append('.');
            pad(b, frac, 6);
        }
    }

    /** Python's datetime.isoformat(): microseconds, left out altogether when they are zero. */
    static void pythonIso(StringBuilder b, long micros) {
        iso(b, micros, 'T', Math.floorMod(micros, 1_000_000) == 0 ? 0 : 6);
    }

    /** Python's repr(time.time()) at microsecond resolution: 1772528400.123456, trailing zeros dropped, never "E". */
    static void pythonEpochSeconds(StringBuilder b, long micros) {
        b.append(Math.floorDiv(micros, 1_000_000)).append('.');
        int frac = (int) Math.floorMod(micros, 1_000_000);
        if (frac == 0) {
            b.append('0');
            return;
        }
        int digits = 6;
        while (frac % 10 == 0) {
            frac /= 10;
            digits--;
        }
        pad(b, frac, digits);
    }

    /** Python's repr(round(x, 2)) from hundredths: 312.46, 312.5, 312.0. */
    static void pythonFloat(StringBuilder b, long hundredths) {
        b.append(hundredths / 100).append('.');
        int f = (int) (hundredths % 100);
        if (f % 10 == 0) {
            b.append(f / 10);
        } else {
            pad(b, f, 2);
        }
    }

    static long hundredths(double v) {
        return Math.round(v * 100);
    }

    /** A 64-bit mix (SplitMix64's finalizer) for ids and traces that look random yet follow from the seed. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** "key": "value" in Python json.dumps style (the separator before it is the caller's). */
    static void pyString(StringBuilder b, String key, String value) {
        b.append('"').append(key).append("\": \"").append(value).append('"');
    }

    static void pyRaw(StringBuilder b, String key, CharSequence value) {
        b.append('"').append(key).append("\": ").append(value);
    }

    /** "key":"value" in compact style (JavaScript / Jackson tools). */
    static void jsString(StringBuilder b, String key, String value) {
        b.append('"').append(key).append("\":\"").append(value).append('"');
    }

    private static void two(StringBuilder b, int v) {
        pad(b, v, 2);
    }

    private static void pad(StringBuilder b, int v, int width) {
        String s = Integer.toString(v);
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        b.append(s);
    }
}
