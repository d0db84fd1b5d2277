package io.payops.ingest;

import io.payops.common.BadInputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The head of a log as a person checks a mapping against it: its first lines as written, its format, and the names
 * a field can be mapped to (a CSV header's columns, or the keys of the first JSON lines). Unlike the reader, it checks
 * nothing, so a log whose required fields have no column still shows what it has.
 *
 * @param lines   the first lines, each clipped to {@link #LINE_CHARS} characters
 * @param columns the column (CSV) or key (JSON) names, in file order
 */
public record LogPreview(EventLogFormat format, List<String> lines, List<String> columns) {
    /** Wide enough for any sane header or event line; a longer one is clipped, not wrapped over the preview. */
    public static final int LINE_CHARS = 400;

    public LogPreview {
        lines = List.copyOf(lines);
        columns = List.copyOf(columns);
    }

    /**
     * @param lineCount how many lines to keep
     * @throws BadInputException naming the file when it is missing, a folder, not a regular file (a pipe, a device) or unreadable
     */
    public static LogPreview read(Path file, int lineCount) {
        EventLogPath.check(file);
        try {
            EventLogFormat format = EventLogFormat.detect(file);
            List<String> lines = new ArrayList<>();
            List<String> columns = List.of();
            try (LineSource source = new LineSource(file, false)) {
                while (lines.size() < lineCount && source.next()) {
                    if (source.tooLong()) {
                        lines.add("(a line longer than " + LineSource.MAX_LINE_BYTES / 1024 + " KiB)");
                        continue;
                    }
                    String text = new String(source.buffer(), source.lineOffset(), source.lineLength(),
                            StandardCharsets.UTF_8);
                    if (format == EventLogFormat.CSV && columns.isEmpty() && !text.isBlank()) {
                        columns = csvNames(source);
                    }
                    lines.add(text.length() > LINE_CHARS ? text.substring(0, LINE_CHARS) + " …" : text);
                }
            }
            if (format == EventLogFormat.JSONL) {
                columns = LogHead.jsonKeys(file).keys();
            }
            return new LogPreview(format, lines, columns);
        } catch (IOException e) {
            throw new BadInputException("event log '" + file + "' cannot be read: " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    /** The header's names as the reader splits them (quotes and all); a line that cannot be split names none. */
    private static List<String> csvNames(LineSource source) {
        try {
            return new CsvLineParser(new ReadContext(LogMapping.NONE), LogMapping.NONE)
                    .names(source.buffer(), source.lineOffset(), source.lineLength());
        } catch (LineProblem notAHeader) {
            return List.of();
        }
    }
}
