package io.payops.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One JSON object per line, scanned in place. Not Jackson: a parser per line cost more than everything else ingest
 * does (about 2 µs a line against the 500,000 lines/s bar), and a single stream parser cannot resume after a bad
 * line. The scanner is strict JSON (RFC 8259) for the object it reads; values of unknown keys, nested or not, are
 * skipped. Numbers may also come as numeric strings, as many exporters quote them; null means absent.
 */
final class JsonLineParser implements LineParser {
    private final ReadContext ctx;
    private final ValueCache values;
    private final ColumnRoles roles;
    private final Map<String, EventField> otherKeys = new HashMap<>();
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    /** The keys the head of the file showed, as bytes, and the field each holds (null: ignored). */
    private final byte[][] keys;
    private final EventField[] keyFields;
    private final String[] keyNames;
    private final boolean[] resolved;

    /**
     * followers[k + 1]: the key that came after key k (k = -1: first) on the last line that had it. Exporters write
     * keys in one order, so the guess is nearly always right and a key costs one comparison.
     */
    private final int[] followers;
    private int previous;
    private byte[] b;
    private int i;
    private int end;
    private char[] chars = new char[256];
    private int charsLen;

    JsonLineParser(ReadContext ctx, ColumnRoles roles, List<String> headKeys) {
        this.ctx = ctx;
        this.values = ctx.values;
        this.roles = roles;
        List<String> known = headKeys.isEmpty()
                // a followed file empty when opened: our own names, resolved (and so reported) only once they come
                ? java.util.Arrays.stream(EventField.values()).map(f -> f.key).toList() : headKeys;
        keys = new byte[known.size()][];
        keyNames = known.toArray(String[]::new);
        resolved = new boolean[known.size()];
        keyFields = new EventField[known.size()];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = known.get(k).getBytes(StandardCharsets.UTF_8);
            if (!headKeys.isEmpty()) {
                keyFields[k] = roles.role(known.get(k));
                resolved[k] = true;
            }
        }
        followers = new int[keys.length + 1];
    }

    @Override
    public void parse(byte[] buf, int off, int len, EventFields out) throws LineProblem {
        out.clear();
        previous = -1;
        b = buf;
        i = off;
        end = off + len;
        skipSpace();
        if (i >= end || b[i] != '{') {
            throw new LineProblem("not a JSON object (expected one event per line, like {\"ts\": ..., \"status\": ...})");
        }
        i++;
        skipSpace();
        if (peek() == '}') {
            i++;
        } else {
            while (true) {
                skipSpace();
                if (peek() != '"') {
                    throw invalid("expected a key in double quotes");
                }
                EventField field = key();
                skipSpace();
                if (peek() != ':') {
                    throw invalid("expected ':' after a key");
                }
                i++;
                skipSpace();
                value(field, out);
                skipSpace();
                int c = peek();
                i++;
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    throw invalid("expected ',' or '}' after a value");
                }
            }
        }
        skipSpace();
        if (i < end) {
            throw invalid("text after the object (expected one event per line)");
        }
    }

    private int peek() throws LineProblem {
        if (i >= end) {
            throw invalid("the line ends inside the object");
        }
        return b[i];
    }

    private void skipSpace() {
        while (i < end && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
            i++;
        }
    }

    private static LineProblem invalid(String what) {
        return new LineProblem("not valid JSON: " + what);
    }

    /** Reads a key; the keys the head showed are matched on their bytes, anything else through a small map. */
    private EventField key() throws LineProblem {
        int start = i + 1;
        // the hot path: the key the last line had here, compared in place (no scan for the closing quote first)
        int guess = followers[previous + 1];
        byte[] expected = keys[guess];
        int close = start + expected.length;
        if (close < end && b[close] == '"' && sameBytes(expected, start, expected.length)) {
            i = close + 1;
            previous = guess;
            return field(guess);
        }
        boolean plain = true;
        int j = start;
        while (true) {
            if (j >= end) {
                throw invalid("a key does not end");
            }
            byte c = b[j];
            if (c == '"') {
                break;
            }
            if (c == '\\' || c < 0x20) {
                plain = false;
                break;
            }
            j++;
        }
        if (plain) {
            int len = j - start;
            for (int k = 0; k < keys.length; k++) {
                if (sameBytes(keys[k], start, len)) {
                    i = j + 1;
                    followers[previous + 1] = k;
                    previous = k;
                    return field(k);
                }
            }
        }
        string();
        String name = new String(chars, 0, charsLen);
        if (otherKeys.containsKey(name)) {
            return otherKeys.get(name);
        }
        EventField f = roles.role(name);
        if (otherKeys.size() < 256) {
            otherKeys.put(name, f);
        }
        return f;
    }

    private EventField field(int k) {
        if (!resolved[k]) {
            keyFields[k] = roles.role(keyNames[k]);
            resolved[k] = true;
        }
        return keyFields[k];
    }

    private boolean sameBytes(byte[] key, int start, int len) {
        if (key.length != len) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (b[start + k] != key[k]) {
                return false;
            }
        }
        return true;
    }

    private void value(EventField field, EventFields out) throws LineProblem {
        int c = peek();
        if (c == '"' && field != null && field.isName() && plainAsciiName(field, out)) {
            return;
        }
        if (c == '"') {
            string();
            if (field != null) {
                field.setText(out, chars, 0, charsLen, ctx);
            }
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            number();
            if (field != null) {
                setNumber(field, out);
            }
        } else if (c == 't' || c == 'f' || c == 'n') {
            String word = c == 't' ? "true" : c == 'f' ? "false" : "null";
            for (int k = 0; k < word.length(); k++) {
                if (i >= end || b[i] != word.charAt(k)) {
                    throw invalid("unexpected '" + (char) c + "'");
                }
                i++;
            }
            if (field == EventField.SUCCESS && c != 'n') {
                out.successFlag = c == 't' ? 1 : 0;
            } else if (field != null && c != 'n') {
                throw new LineProblem(field.key + ": expected " + expected(field) + ", was a boolean");
            }
        } else if (c == '{' || c == '[') {
            if (field != null) {
                throw new LineProblem(field.key + ": expected " + expected(field) + ", was "
                        + (c == '{' ? "an object" : "an array"));
            }
            skipNested();
        } else {
            throw invalid("unexpected '" + (char) c + "'");
        }
    }

    /**
     * The hot path for dimension values: a string of printable ASCII without escapes is interned straight from the
     * line's bytes. @return false (having read nothing) when the string needs the general path
     */
    private boolean plainAsciiName(EventField field, EventFields out) {
        int start = i + 1;
        int j = start;
        while (j < end) {
            byte c = b[j];
            if (c == '"') {
                break;
            }
            if (c < 0x20 || c == '\\') {   // control, escape or (negative) a non-ASCII byte
                return false;
            }
            j++;
        }
        if (j >= end || j == start) {
            return false;
        }
        field.setName(out, values.nameAscii(b, start, j - start));
        i = j + 1;
        return true;
    }

    /** Reads a string value into {@link #chars}, unescaped and decoded. */
    private void string() throws LineProblem {
        i++;
        charsLen = 0;
        int start = i;
        boolean ascii = true;
        while (true) {
            if (i >= end) {
                throw invalid("a string does not end");
            }
            byte c = b[i];
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                escaped(start);
                return;
            }
            if (c >= 0 && c < 0x20) {
                throw invalid("a control character inside a string");
            }
            if (c < 0) {
                ascii = false;
            }
            i++;
        }
        int len = i - start;
        i++;
        if (ascii) {
            ensure(len);
            for (int k = 0; k < len; k++) {
                chars[k] = (char) b[start + k];
            }
            charsLen = len;
        } else {
            decode(start, len);
        }
    }

    /** The slow path of a string with escapes: decodes the whole string, then resolves the escapes. */
    private void escaped(int start) throws LineProblem {
        int j = start;
        boolean backslash = false;
        while (true) {
            if (j >= end) {
                throw invalid("a string does not end");
            }
            byte c = b[j];
            if (backslash) {
                backslash = false;
            } else if (c == '\\') {
                backslash = true;
            } else if (c == '"') {
                break;
            } else if (c >= 0 && c < 0x20) {
                throw invalid("a control character inside a string");
            }
            j++;
        }
        decode(start, j - start);
        i = j + 1;
        int w = 0;
        for (int r = 0; r < charsLen; r++) {
            char c = chars[r];
            if (c != '\\') {
                chars[w++] = c;
                continue;
            }
            char e = chars[++r];
            switch (e) {
                case '"', '\\', '/' -> chars[w++] = e;
                case 'b' -> chars[w++] = '\b';
                case 'f' -> chars[w++] = '\f';
                case 'n' -> chars[w++] = '\n';
                case 'r' -> chars[w++] = '\r';
                case 't' -> chars[w++] = '\t';
                case 'u' -> {
                    if (r + 4 >= charsLen) {
                        throw invalid("a \\u escape needs four hex digits");
                    }
                    int v = 0;
                    for (int k = 1; k <= 4; k++) {
                        char h = chars[r + k];
                        int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10
                                : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
                        if (d < 0) {
                            throw invalid("a \\u escape needs four hex digits");
                        }
                        v = v * 16 + d;
                    }
                    chars[w++] = (char) v;
                    r += 4;
                }
                default -> throw invalid("unknown escape \\" + e);
            }
        }
        charsLen = w;
    }

    private void decode(int start, int len) throws LineProblem {
        ensure(len);
        try {
            CharBuffer cb = CharBuffer.wrap(chars);
            utf8.reset();
            var result = utf8.decode(ByteBuffer.wrap(b, start, len), cb, true);
            if (result.isError()) {
                result.throwException();
            }
            utf8.flush(cb);
            charsLen = cb.position();
        } catch (CharacterCodingException e) {
            throw new LineProblem("not UTF-8 text (binary data?)");
        }
    }

    private void ensure(int len) {
        if (chars.length < len) {
            chars = new char[Math.max(len, chars.length * 2)];
        }
    }

    private boolean integral;

    /** Reads a number (RFC 8259 grammar) into {@link #chars}. */
    private void number() throws LineProblem {
        int start = i;
        integral = true;
        if (b[i] == '-') {
            i++;
        }
        int digits = digits();
        if (digits == 0 || (digits > 1 && b[start + (b[start] == '-' ? 1 : 0)] == '0')) {
            throw invalid("a malformed number");
        }
        if (i < end && b[i] == '.') {
            i++;
            integral = false;
            if (digits() == 0) {
                throw invalid("a malformed number");
            }
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            integral = false;
            if (i < end && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            if (digits() == 0) {
                throw invalid("a malformed number");
            }
        }
        int len = i - start;
        ensure(len);
        for (int k = 0; k < len; k++) {
            chars[k] = (char) b[start + k];
        }
        charsLen = len;
    }

    private int digits() {
        int n = 0;
        while (i < end && b[i] >= '0' && b[i] <= '9') {
            i++;
            n++;
        }
        return n;
    }

    private void setNumber(EventField field, EventFields out) throws LineProblem {
        boolean negative = chars[0] == '-';
        switch (field) {
            case TS, ATTEMPT, RETRY_COUNT -> {
                // a time may have a fraction (epoch seconds from Python's time.time()); an attempt may not
                if (negative || (!integral && field != EventField.TS)) {
                    throw new LineProblem(field.key + ": " + EventField.clip(chars, 0, charsLen) + " is not "
                            + (field == EventField.TS ? "a time (" + Timestamps.EXPECTED + ")" : "a whole number from 1"));
                }
                field.setText(out, chars, 0, charsLen, ctx);
            }
            case AMOUNT, AMOUNT_MINOR, LATENCY_MS -> {
                if (negative) {
                    throw new LineProblem(field.key + ": " + EventField.clip(chars, 0, charsLen)
                            + " is out of range (expected a number >= 0)");
                }
                field.setText(out, chars, 0, charsLen, ctx);
            }
            // ids and dimension values that happen to be numbers (merchant 1042) are names all the same
            default -> field.setText(out, chars, 0, charsLen, ctx);
        }
    }

    private static final int MAX_DEPTH = 64;

    /** Skips, validating it, the object or array of an unknown key. */
    private void skipNested() throws LineProblem {
        skipNested(1);
    }

    private void skipNested(int depth) throws LineProblem {
        if (depth > MAX_DEPTH) {
            throw invalid("nested deeper than " + MAX_DEPTH + " levels");
        }
        boolean object = b[i] == '{';
        byte close = (byte) (object ? '}' : ']');
        i++;
        skipSpace();
        if (peek() == close) {
            i++;
            return;
        }
        while (true) {
            skipSpace();
            if (object) {
                if (peek() != '"') {
                    throw invalid("expected a key in double quotes");
                }
                string();
                skipSpace();
                if (peek() != ':') {
                    throw invalid("expected ':' after a key");
                }
                i++;
                skipSpace();
            }
            int c = peek();
            if (c == '{' || c == '[') {
                skipNested(depth + 1);
            } else {
                value(null, null);
            }
            skipSpace();
            int next = peek();
            i++;
            if (next == close) {
                return;
            }
            if (next != ',') {
                throw invalid("expected ',' or '" + (char) close + "'");
            }
        }
    }

    private static String expected(EventField f) {
        return switch (f) {
            case TS -> "a time (ISO-8601 string, or epoch seconds or milliseconds)";
            case ATTEMPT, RETRY_COUNT, LATENCY_MS, AMOUNT, AMOUNT_MINOR -> "a number";
            case STATUS, ERROR_CODE -> "a string (a status or error word such as " + StatusNames.EXPECTED + ")";
            case SUCCESS -> "true or false";
            default -> "a string";
        };
    }
}
