package io.payops.cli;

import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Where a command's JSON report goes: a file ({@code --report FILE}, written whole, see {@link OutputFile}), or
 * standard output ({@code --report -}) for a pipe such as {@code | jq}. Then standard output holds the JSON alone,
 * and the lines written for people (the summary, a followed log's progress) go to standard error.
 */
record ReportTarget(Path file) {
    static final String STANDARD_OUTPUT = "-";

    /** {@code given} as the user wrote it, or {@code fallback} when the option was left out. */
    static ReportTarget of(Path given, Path fallback) {
        return new ReportTarget(given != null ? given : fallback);
    }

    boolean toStandardOutput() {
        return file.toString().equals(STANDARD_OUTPUT);
    }

    /** Before the work, so a long run does not end in "cannot write"; standard output needs no check. */
    void check() {
        if (!toStandardOutput()) {
            OutputFile.check(file, "--report");
        }
    }

    /** Where the lines for people go: standard output, unless the report itself does. */
    PrintWriter forPeople(CommandSpec spec) {
        return toStandardOutput() ? spec.commandLine().getErr() : spec.commandLine().getOut();
    }

    void write(byte[] json, CommandSpec spec) {
        if (!toStandardOutput()) {
            OutputFile.write(file, "--report", json);
            return;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(new String(json, StandardCharsets.UTF_8));
        out.flush();
    }

    /** For the summary's last line: "report: state/reports/x.json", or "report: standard output". */
    String where() {
        return toStandardOutput() ? "standard output" : file.toString();
    }
}
