package io.payops.ingest;

import io.payops.common.Excerpt;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV with a header naming the fields of DESIGN §5.4 in any order, by our names, by the aliases other tools use or
 * as the user mapped them ({@link ColumnRoles}); other columns are ignored and reported. Fields may be double-quoted
 * with {@code ""} for a quote; a quoted field cannot span lines, since a line is one event.
 */
final class CsvLineParser implements LineParser {
    private final ReadContext ctx;
    private final LogMapping mapping;
    private ColumnRoles roles;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private EventField[] columns;
    private boolean headerPending = true;
    /** A topic's records: their own timestamps stand in for a ts column the header lacks. */
    private boolean tsFromRecords;
    private char[] chars = new char[1024];
    private char[] unquoted = new char[1024];
    private int[] fieldStart = new int[32];
    private int[] fieldEnd = new int[32];

    CsvLineParser(ReadContext ctx, LogMapping mapping) {
        this.ctx = ctx;
        this.mapping = mapping;
    }

    /** The values are a topic's records, whose timestamps are the clock when the header has no ts column. */
    void takeTsFromRecords() {
        tsFromRecords = true;
    }

    /** How the header was read, once it was. */
    ColumnRoles roles() {
        return roles;
    }

    /** True until the header line was read (and again after the file restarted). */
    boolean headerPending() {
        return headerPending;
    }

    /** The file restarted: its first line should be a header again. */
    void expectHeader() {
        headerPending = true;
    }

    /** @return true when a header was read before, which now goes on serving; false when there is none */
    boolean resumeWithPreviousHeader() {
        if (columns == null) {
            return false;
        }
        headerPending = false;
        return true;
    }

    /**
     * Reads the header line.
     *
     * @return columns this program ignores (for a warning)
     * @throws LineProblem when it is not a header naming (by name, alias or mapping) ts, status or success,
     *                     latencyMs and at least one dimension; the message says every field missing and the likely
     *                     {@code --map} fixes
     */
    List<String> header(byte[] buf, int off, int len) throws LineProblem {
        List<String> names = names(buf, off, len);
        int n = names.size();
        ColumnRoles r = ColumnRoles.resolve(names, mapping);
        try {
            if (tsFromRecords) {
                ColumnRoles.checkRecords("CSV header", names, mapping);
            } else {
                r.check("CSV header", names);
            }
        } catch (io.payops.common.BadInputException e) {
            throw new LineProblem(e.getMessage());
        }
        EventField[] cols = new EventField[n];
        for (int i = 0; i < n; i++) {
            EventField f = r.role(names.get(i));
            for (int j = 0; j < i && f != null; j++) {
                if (cols[j] == f) {
                    throw new LineProblem("CSV header names " + f.key + " twice (columns '"
                            + Excerpt.of(names.get(j)) + "' and '" + Excerpt.of(names.get(i)) + "')");
                }
            }
            cols[i] = f;
        }
        columns = cols;
        roles = r;
        headerPending = false;
        return r.ignored();
    }

    /** A header line's column names, unquoted and trimmed, unchecked (what a preview offers to map). */
    List<String> names(byte[] buf, int off, int len) throws LineProblem {
        int n = split(buf, off, len);
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add(new String(chars, fieldStart[i], fieldEnd[i] - fieldStart[i]).trim());
        }
        return names;
    }

    private int charsLength;

    @Override
    public void parse(byte[] buf, int off, int len, EventFields out) throws LineProblem {
        out.clear();
        int n = split(buf, off, len);
        if (n != columns.length) {
            throw new LineProblem("has " + n + " fields, the header has " + columns.length);
        }
        for (int i = 0; i < n; i++) {
            EventField f = columns[i];
            if (f != null) {
                int s = fieldStart[i];
                int e = fieldEnd[i];
                while (s < e && chars[s] == ' ') {
                    s++;
                }
                while (e > s && chars[e - 1] == ' ') {
                    e--;
                }
                f.setText(out, chars, s, e - s, ctx);
            }
        }
    }

    /** Decodes the line into {@link #chars} and finds its fields; returns how many there are. */
    private int split(byte[] buf, int off, int len) throws LineProblem {
        decode(buf, off, len);
        int n = 0;
        int i = 0;
        int end = charsLength;
        int u = 0;
        while (true) {
            if (n == fieldStart.length) {
                fieldStart = java.util.Arrays.copyOf(fieldStart, n * 2);
                fieldEnd = java.util.Arrays.copyOf(fieldEnd, n * 2);
            }
            if (i < end && chars[i] == '"') {
                // a quoted field is copied, unescaped, to the end of the chars buffer's twin
                int from = u;
                i++;
                while (true) {
                    if (i >= end) {
                        throw new LineProblem("a quoted field does not end (a field cannot span lines)");
                    }
                    char ch = chars[i++];
                    if (ch == '"') {
                        if (i < end && chars[i] == '"') {
                            unquoted[u++] = '"';
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        unquoted[u++] = ch;
                    }
                }
                if (i < end && chars[i] != ',') {
                    throw new LineProblem("text after a quoted field (expected a comma)");
                }
                // move the unescaped text over the quoted original, which is at least as long
                int len2 = u - from;
                int at = i - len2;
                System.arraycopy(unquoted, from, chars, at, len2);
                fieldStart[n] = at;
                fieldEnd[n] = i;
                u = from;
            } else {
                int s = i;
                while (i < end && chars[i] != ',') {
                    i++;
                }
                fieldStart[n] = s;
                fieldEnd[n] = i;
            }
            n++;
            if (i >= end) {
                return n;
            }
            i++; // the comma
        }
    }

    private void decode(byte[] buf, int off, int len) throws LineProblem {
        if (chars.length < len) {
            chars = new char[Math.max(len, chars.length * 2)];
            unquoted = new char[chars.length];
        }
        boolean ascii = true;
        for (int i = 0; i < len; i++) {
            byte b = buf[off + i];
            if (b < 0) {
                ascii = false;
                break;
            }
            chars[i] = (char) b;
        }
        if (ascii) {
            charsLength = len;
            return;
        }
        try {
            CharBuffer cb = CharBuffer.wrap(chars);
            utf8.reset();
            var result = utf8.decode(ByteBuffer.wrap(buf, off, len), cb, true);
            if (result.isError()) {
                result.throwException();
            }
            utf8.flush(cb);
            charsLength = cb.position();
        } catch (CharacterCodingException e) {
            throw new LineProblem("not UTF-8 text (binary data?)");
        }
    }
}
