package io.payops.cli;

import io.payops.common.BadInputException;
import io.payops.common.BoundedInput;
import io.payops.common.Json;
import io.payops.ingest.LogMapping;
import io.payops.ingest.SnapshotReader;
import io.payops.ingest.StatusVocabulary;
import io.payops.report.AnalysisReport;
import io.payops.report.SnapshotAnalyzer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** One reasoning pass over a metrics snapshot; the decision as JSON on stdout (DESIGN §5.1, §5.5). */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"One reasoning pass over a metrics snapshot: detect, reason, decide and guard, then print the "
                + "hypotheses, the decision, the guardrails' verdict and an explanation as one JSON object. "
                + "Nothing is acted on; routing is assumed to be the default.",
                "FILE is our own snapshot JSON or a MetricsSnapshot (successRate, latency, totalTransactions, "
                        + "errorBreakdown, issuerMetrics, ...); the shape is detected."})
public final class AnalyzeCommand implements Callable<Integer> {

    @Option(names = "--metrics", required = true, paramLabel = "FILE",
            description = "The snapshot to analyze; - reads it from standard input.")
    Path metrics;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "A snapshot of normal traffic to compare against (either shape; - reads standard input). "
                    + "Default: the snapshot's own baseline window, if it has one.")
    Path baseline;

    @Option(names = "--status-map", paramLabel = "CODE=STATUS",
            description = "What an error code of errorBreakdown means: --status-map E10=ISSUER_DOWN. Repeatable; the "
                    + "same vocabulary as ingest's.")
    java.util.List<String> statusMaps = new java.util.ArrayList<>();

    @Option(names = "--mapping", paramLabel = "FILE",
            description = "A mapping file (as for ingest); its statuses apply to error codes. --status-map wins over it.")
    Path mappingFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        StatusVocabulary words = LogMapping.of(mappingFile, java.util.List.of(), statusMaps, null).vocabulary();
        java.io.InputStream stdin = StandardInput.of(spec);
        if (BoundedInput.isStandardInput(metrics) && BoundedInput.isStandardInput(baseline)) {
            throw new BadInputException("--metrics - and --baseline -: standard input can be read "
                    + "once (expected a file for one of them)");
        }
        SnapshotReader.Result read = SnapshotReader.read(metrics, "metrics file", words, stdin);
        SnapshotReader.Result normal = baseline == null ? null
                : SnapshotReader.read(baseline, "baseline file", words, stdin);
        AnalysisReport report = SnapshotAnalyzer.analyze(read, metrics.toString(), normal,
                baseline == null ? null : baseline.toString());
        PrintWriter err = spec.commandLine().getErr();
        for (String w : report.input().warnings()) {
            err.println("payops: warning: " + w);
        }
        err.flush();
        PrintWriter out = spec.commandLine().getOut();
        out.println(Json.pretty().writeValueAsString(report));
        out.flush();
        return 0;
    }
}
