package io.payops.ingest;

import io.payops.common.BadInputException;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams the events of an event log (DESIGN §5.4) in constant memory: one reused line buffer, one reused
 * {@link EventFields}, interned dimension values. A bad line is counted, the first ten are kept with their line
 * numbers and the reading goes on; deciding whether too many were bad is the caller's business
 * ({@link EventLogStats#mostlyBad()}).
 */
public final class EventLogReader implements Closeable {
    private final Path file;
    /** What messages and stats call the input: the file, or the topic ("kafka://host:9092/payments"). */
    private final String name;
    private final EventLogFormat format;
    private final Lines lines;
    /** Reading a topic's records: a CSV record before any header is a bad record, not a bad file. */
    private final boolean records;
    /** A topic's CSV header as given or first read, so a producer that sends it again is not read as an event. */
    private byte[] csvHeaderLine;
    private final ReadContext ctx;
    private final JsonLineParser json;
    private final ColumnRoles jsonRoles;
    private final CsvLineParser csv;
    private final List<BadLine> firstBad = new ArrayList<>();
    private final List<String> ignoredColumns = new ArrayList<>();
    private final Map<StatusVocabulary.Word, long[]> unmapped = new LinkedHashMap<>();
    private final Map<StatusVocabulary.Word, Boolean> unmappedInCode = new LinkedHashMap<>();
    private long events;
    private long badLines;
    private long blankLines;
    private long headerLines;
    private int generation;
    private boolean exhausted;

    private EventLogReader(Path file, EventLogFormat format, LineSource lines, LogMapping mapping, List<String> headKeys,
                           ColumnRoles jsonRoles) {
        this(file, file.toString(), format, lines, false, mapping, headKeys, jsonRoles);
    }

    private EventLogReader(Path file, String name, EventLogFormat format, Lines lines, boolean records,
                           LogMapping mapping, List<String> headKeys, ColumnRoles jsonRoles) {
        this.file = file;
        this.name = name;
        this.records = records;
        this.format = format;
        this.lines = lines;
        this.ctx = new ReadContext(mapping);
        this.jsonRoles = jsonRoles;
        this.json = format == EventLogFormat.JSONL ? new JsonLineParser(ctx, jsonRoles, headKeys) : null;
        this.csv = format == EventLogFormat.CSV ? new CsvLineParser(ctx, mapping) : null;
    }

    /** {@link #open(Path, EventLogFormat, boolean, LogMapping)} with no mapping: our names and the aliases. */
    public static EventLogReader open(Path file, EventLogFormat format, boolean follow) {
        return open(file, format, follow, LogMapping.NONE);
    }

    /**
     * @param format null to tell from the file name or its first byte
     * @throws BadInputException naming the file when it is missing, a folder, not a regular file (a pipe, a device) or unreadable
     */
    public static EventLogReader open(Path file, EventLogFormat format, boolean follow, LogMapping mapping) {
        EventLogPath.check(file);
        if (follow && file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gz")) {
            throw new BadInputException("event log '" + file + "': a .gz file cannot be followed (it is complete when "
                    + "written; expected a plain JSON lines or CSV file that grows)");
        }
        try {
            EventLogFormat f = format != null ? format : EventLogFormat.detect(file);
            List<String> headKeys = List.of();
            ColumnRoles roles = null;
            if (f == EventLogFormat.JSONL) {
                LogHead.Keys head = LogHead.jsonKeys(file);
                headKeys = head.keys();
                roles = ColumnRoles.resolve(headKeys, mapping);
                if (head.objects() > 0) {
                    // every field missing and every mapped key absent, said once for the file, with the fix
                    roles.check("event log '" + file + "': the keys of its first "
                            + head.objects() + " lines", headKeys);
                }
            }
            return new EventLogReader(file, f, new LineSource(file, follow), mapping, headKeys, roles);
        } catch (IOException e) {
            throw new BadInputException("event log '" + file + "' cannot be read: " + describe(e), e);
        }
    }

    /**
     * A reader over a topic's records: first {@code head} (the records already taken, to infer the world from), then
     * what {@code feed} hands out; {@code feed} null reads the head alone. Each value is read as one line of a file in
     * {@code format} would be, through the same mapping and vocabulary; a value with no {@code ts} takes the record's
     * timestamp.
     *
     * @param csvHeader for CSV, the header the values are written under; null to take the first record as the header
     * @throws BadInputException when the head's JSON keys lack a required field, or the CSV header is not a header
     */
    public static EventLogReader over(RecordFeed feed, String name, List<FeedRecord> head, EventLogFormat format,
                                      LogMapping mapping, String csvHeader) {
        List<String> headKeys = List.of();
        ColumnRoles roles = null;
        RecordLines lines = new RecordLines(head, feed);
        if (format == EventLogFormat.JSONL) {
            LogHead.Keys keys = LogHead.jsonKeys(new RecordLines(head, null));
            headKeys = keys.keys();
            roles = ColumnRoles.resolve(headKeys, mapping);
            if (keys.objects() > 0) {
                ColumnRoles.checkRecords(name + ": the keys of its first " + keys.objects() + " records", headKeys,
                        mapping);
            }
        }
        EventLogReader reader = new EventLogReader(null, name, format, lines, true, mapping, headKeys, roles);
        if (reader.csv != null) {
            reader.csv.takeTsFromRecords();
        }
        if (format == EventLogFormat.CSV && csvHeader != null) {
            byte[] header = csvHeader.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            try {
                reader.csv.header(header, 0, header.length);
            } catch (LineProblem p) {
                throw new BadInputException("--kafka-csv-header '" + io.payops.common.Excerpt.of(csvHeader) + "': "
                        + p.getMessage() + " (expected the CSV header the record values are written under, such as "
                        + "ts,paymentId,attempt,gateway,issuer,network,method,merchant,amount,currency,status,latencyMs)");
            }
            reader.csvHeaderLine = header;
        }
        return reader;
    }

    private static String describe(IOException e) {
        if (e instanceof java.io.EOFException) {
            return "it ends too early (a .gz cut short?)";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    public EventLogFormat format() {
        return format;
    }

    /** The file read, or null when the reader reads a topic's records. */
    public Path file() {
        return file;
    }

    /** The file's path, or the topic's name, as messages say it. */
    public String name() {
        return name;
    }

    /**
     * Reads the next event into {@code out}, counting and skipping bad lines.
     *
     * @return false when there is no event now: the end of the file (see {@link #exhausted()}), or, when following,
     * the end of what has been written so far
     */
    boolean next(EventFields out) {
        exhausted = false;
        try {
            while (lines.next()) {
                if (lines.generation() != generation) {
                    generation = lines.generation();
                    if (csv != null) {
                        csv.expectHeader();
                    }
                }
                if (lines.tooLong()) {
                    bad("longer than " + LineSource.MAX_LINE_BYTES + " bytes (expected one event per line)");
                    continue;
                }
                byte[] buf = lines.buffer();
                int off = lines.lineOffset();
                int len = lines.lineLength();
                if (blank(buf, off, len)) {
                    blankLines++;
                    continue;
                }
                try {
                    if (records && csv != null && !csv.headerPending() && sameAsHeader(buf, off, len)) {
                        headerLines++;   // the producer sent its header again (a file piped in whole)
                        continue;
                    }
                    if (records && csv != null && csv.headerPending()) {
                        headerLines++;
                        try {
                            takeHeader(buf, off, len);
                            csvHeaderLine = java.util.Arrays.copyOfRange(buf, off, off + len);
                            continue;
                        } catch (LineProblem notAHeader) {
                            headerLines--;
                            throw new LineProblem("a CSV record before any header: " + notAHeader.getMessage()
                                    + " (expected --kafka-csv-header NAMES, or the header as the first record)");
                        }
                    }
                    if (csv != null && csv.headerPending()) {
                        try {
                            headerLines++;
                            takeHeader(buf, off, len);
                            continue;
                        } catch (LineProblem notAHeader) {
                            // a followed file truncated in place goes on without a header: keep the one it had
                            if (!csv.resumeWithPreviousHeader()) {
                                throw new BadInputException("event log '" + file + "': line " + lines.lineNumber()
                                        + ": " + notAHeader.getMessage());
                            }
                            headerLines--;
                        }
                    }
                    (csv != null ? csv : json).parse(buf, off, len, out);
                    if (!out.hasTs && lines.timestampMillis() >= 0) {
                        // a record's value without ts: its record's timestamp is the event's time
                        out.ts = lines.timestampMillis();
                        out.hasTs = true;
                    }
                    String missing = out.finish();
                    if (missing != null) {
                        throw new LineProblem(missing);
                    }
                    if (out.unmapped != null) {
                        noteUnmapped(out.unmapped, out.unmappedIsCode);
                    }
                    events++;
                    return true;
                } catch (LineProblem p) {
                    bad(p.getMessage());
                }
            }
            exhausted = true;
            return false;
        } catch (IOException e) {
            // a .gz cut short, a disk error: the file cannot be read on, which is bad input, not an internal error
            throw new BadInputException("event log '" + name + "' cannot be read after line " + lines.totalLines()
                    + ": " + describe(e), e);
        }
    }

    /** Reads what is left, validating every line, and returns how many events there were (for a check or a benchmark). */
    public long countEvents() {
        EventFields f = new EventFields();
        long n = 0;
        while (next(f)) {
            n++;
        }
        return n;
    }

    /** Reads a CSV header line; the columns no event field takes are kept (the first 20) for the report. */
    private void takeHeader(byte[] buf, int off, int len) throws LineProblem {
        for (String c : csv.header(buf, off, len)) {
            if (!ignoredColumns.contains(c) && ignoredColumns.size() < 20) {
                ignoredColumns.add(c);
            }
        }
    }

    /**
     * The number of the line read last, event or not: the event {@link #next} returned last when it returned one (a
     * record's seq when reading a topic).
     */
    long lineNumber() {
        return lines.lineNumber();
    }

    /** True when no line will ever come again: the end of a topic read to a count (a file, even unfollowed, says false). */
    boolean ended() {
        return lines.ended();
    }

    private boolean sameAsHeader(byte[] buf, int off, int len) {
        byte[] h = csvHeaderLine;
        return h != null && h.length == len && java.util.Arrays.equals(h, 0, len, buf, off, off + len);
    }

    /** Counts a line that parsed but turned out not to be a usable event (a time far off from its neighbours). */
    void rejectEvent(long line, String problem) {
        events--;
        badLines++;
        if (firstBad.size() < EventLogStats.FIRST_BAD_LINES) {
            firstBad.add(records ? new BadLine(line, problem, "record " + line) : new BadLine(line, problem));
        }
    }

    /** A word nobody mapped: counted with its first line, its line read all the same. */
    private void noteUnmapped(StatusVocabulary.Word w, boolean inCode) {
        long[] c = unmapped.get(w);
        if (c == null) {
            if (unmapped.size() >= MAX_UNMAPPED) {
                c = unmapped.computeIfAbsent(OTHER_WORDS, k -> new long[] {0, lines.lineNumber()});
            } else {
                c = new long[] {0, lines.lineNumber()};
                unmapped.put(w, c);
                unmappedInCode.put(w, inCode);
            }
        }
        c[0]++;
    }

    /** Past this many distinct unmapped words (a code with an id in it), the rest are counted together. */
    private static final int MAX_UNMAPPED = 100;
    private static final StatusVocabulary.Word OTHER_WORDS = new StatusVocabulary.Word("(other unmapped words)",
            StatusVocabulary.Kind.UNMAPPED, io.payops.domain.Status.OTHER_FAILURE);

    /** Every unmapped status word so far, most lines first. */
    public List<UnmappedStatus> unmappedStatuses() {
        List<UnmappedStatus> out = new ArrayList<>();
        unmapped.forEach((w, c) -> out.add(new UnmappedStatus(
                Boolean.TRUE.equals(unmappedInCode.get(w)) ? EventField.ERROR_CODE.key : EventField.STATUS.key,
                w.text(), w.status().name(), c[0], c[1])));
        out.sort(java.util.Comparator.comparingLong(UnmappedStatus::count).reversed());
        return out;
    }

    /** Which column holds which field (empty for a CSV file whose header was not read yet). */
    public Map<String, String> fieldsToColumns() {
        ColumnRoles r = jsonRoles != null ? jsonRoles : csv.roles();
        return r == null ? Map.of() : r.fieldsToColumns();
    }

    private void bad(String problem) {
        badLines++;
        if (firstBad.size() < EventLogStats.FIRST_BAD_LINES) {
            firstBad.add(new BadLine(lines.lineNumber(), problem, lines.where()));
        }
    }

    private static boolean blank(byte[] b, int off, int len) {
        for (int i = 0; i < len; i++) {
            byte c = b[off + i];
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /**
     * True once the last call to {@link #next} found no more lines. For a file not followed that is the end for
     * good; a followed one may grow again.
     */
    public boolean exhausted() {
        return exhausted;
    }

    public EventLogStats stats() {
        List<String> ignored = jsonRoles != null ? jsonRoles.ignored() : ignoredColumns;
        return new EventLogStats(name, format, lines.totalLines(), blankLines, events, badLines, firstBad,
                ignored.size() > 20 ? ignored.subList(0, 20) : ignored, fieldsToColumns(), unmappedStatuses(),
                lines.bytesRead(), lines.size(), lines.truncations(), lines.rotations(),
                ctx.values.truncated());
    }

    @Override
    public void close() {
        try {
            lines.close();
        } catch (IOException e) {
            // nothing was written: closing a reader cannot lose anything
        }
    }
}
