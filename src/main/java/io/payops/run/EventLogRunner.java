package io.payops.run;

import io.payops.report.IngestReport;
import io.payops.report.IngestReportBuilder;
import io.payops.engine.Engine;
import io.payops.engine.EngineOptions;
import io.payops.domain.Frame;
import io.payops.engine.PolicyFactory;
import io.payops.engine.RunSettings;
import io.payops.engine.EventLogSession;
import io.payops.ingest.EventLogSource;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs the agent open loop over an event log as fast as it reads, and computes the ingest report. When following,
 * it waits for the file to grow and ends only when {@code stop} says so.
 */
public final class EventLogRunner {
    private static final long FOLLOW_POLL_MILLIS = 100;

    private EventLogRunner() {
    }

    public static IngestReport run(EventLogSession log, RunSettings settings, Consumer<Frame> frames,
                                   BooleanSupplier stop) throws InterruptedException {
        long start = System.nanoTime();
        Engine engine = log.engine(PolicyFactory.create(settings.policy(), settings, log.scenario().world(), List.of()),
                EngineOptions.DEFAULT);
        IngestReportBuilder report = new IngestReportBuilder(settings.policy(), settings.reasoner(), log.worldNote());
        try {
            while (!engine.finished() && !stop.getAsBoolean()) {
                if (!engine.ready()) {
                    Thread.sleep(FOLLOW_POLL_MILLIS);
                    continue;
                }
                Frame f = engine.step();
                report.accept(f);
                frames.accept(f);
            }
            EventLogSource source = log.source();
            return report.build((System.nanoTime() - start) / 1_000_000, source.stats(), source.origin(),
                    source.outOfOrder(), engine.lateAttempts(), source.jumps(), engine.foldedValues());
        } finally {
            log.close();
        }
    }
}
