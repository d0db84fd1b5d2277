package io.payops.cli;

import io.payops.common.BadInputException;
import io.payops.common.Json;
import io.payops.domain.ApprovalMode;
import io.payops.report.WhatIfReport;
import io.payops.report.WhatIfSettings;
import io.payops.report.WhatIfTable;
import io.payops.run.WhatIf;
import io.payops.store.SessionReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code what-if SESSION_DIR [--set key=value]... [--json FILE] [--all]}: runs the agent, with changed guardrails,
 * open loop over a recorded session and prints where its decisions differ from the recorded ones.
 */
@Command(name = "what-if", mixinStandardHelpOptions = true,
        description = {"Run the agent, with changed guardrails, over a recorded session's snapshots and show, cycle by "
                + "cycle, where its decisions differ from the recorded ones.",
                "Open loop: the recorded snapshots do not react to the what-if agent's routing changes."})
public final class WhatIfCommand implements Callable<Integer> {
    /** Where output and messages go: System.out/err from the jar, a test's own streams in-process (PayOps.run). */
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SESSION_DIR", description = "A recorded session (state/sessions/<id>).")
    Path session;

    @Option(names = "--set", paramLabel = "key=value",
            description = "A guardrail to change; repeatable. Keys: minConfidenceToAct, maxTrafficShift, volumeCapShare "
                    + "(0..1), maxActiveActions (0..50), cooldownSeconds (0..86400), approval (auto:SECONDS|never|manual). "
                    + "Unset keys keep the recorded agent's settings.")
    List<String> settings = new ArrayList<>();

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the full report as JSON.")
    Path json;

    @Option(names = "--all", description = "List every cycle, not only those that differ.")
    boolean all;

    @Override
    public Integer call() throws Exception {
        if (json != null) {
            OutputFile.check(json, "--json");
        }
        try (SessionReader reader = SessionReader.open(session, p -> { })) {
            WhatIfSettings base = WhatIfSettings.defaults(recordedApproval(reader));
            WhatIfSettings s;
            try {
                s = WhatIfSettings.parse(base, settings);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--set: " + e.getMessage(), e);
            }
            String policy = String.valueOf(reader.meta().policy());
            if (!"agent".equals(policy)) {
                spec.commandLine().getErr().println("payops: note: session '" + session + "' was recorded with policy " + policy
                        + ", not the agent: it has no recorded agent cycles to compare with");
            }
            WhatIfReport report = WhatIf.run(reader.frames(), reader.scenario().world(), reader.meta().lessons(), s);
            // a torn or damaged end read up to, an index rebuilt (found at the open or while reading): said as the
            // replay's banner says them; said after the run, so that damage refused midway is the one message
            for (String w : reader.warnings()) {
                spec.commandLine().getErr().println("payops: warning: session '" + session + "': " + w);
            }
            if (json != null) {
                OutputFile.write(json, "--json", Json.pretty().writeValueAsBytes(report));
            }
            spec.commandLine().getOut().print(WhatIfTable.format(report, all));
            if (json != null) {
                spec.commandLine().getOut().println("report: " + json);
            }
            return 0;
        }
    }

    /** The approval mode the session ran with, so an unchanged what-if answers requests as the recording did. */
    private ApprovalMode recordedApproval(SessionReader reader) {
        // read through its text so this works whether the reader keeps the mode as text or as an ApprovalMode
        String text = String.valueOf(reader.meta().approval());
        try {
            return ApprovalMode.parse(text);
        } catch (IllegalArgumentException e) {
            throw BadInputException.field("session '" + session + "' meta.json", "approval", e.getMessage());
        }
    }
}
