package io.payops.run;

import io.payops.domain.Frame;
import io.payops.engine.Engine;
import io.payops.engine.EventLogSession;
import io.payops.engine.LiveSession;
import io.payops.engine.SessionListener;
import io.payops.engine.RunSettings;
import io.payops.ingest.EventLogSource;
import io.payops.report.IngestReport;
import io.payops.report.IngestReportBuilder;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs the agent open loop over an event log as fast as it reads, as a {@link LiveSession} on this thread, and
 * computes the ingest report. When following, it waits for the file to grow and ends only when {@code stop} says so.
 */
public final class EventLogRunner {
    private EventLogRunner() {
    }

    public static IngestReport run(EventLogSession log, RunSettings settings, Consumer<Frame> frames,
                                   BooleanSupplier stop) throws InterruptedException {
        return run(log, settings, frames, stop, SessionListener.NONE);
    }

    /** @param listener told of the session's start, frames and end (the connectors) */
    public static IngestReport run(EventLogSession log, RunSettings settings, Consumer<Frame> frames,
                                   BooleanSupplier stop, SessionListener listener) throws InterruptedException {
        long start = System.nanoTime();
        IngestReportBuilder report = new IngestReportBuilder(settings.policy(), settings.reasoner(), log.worldNote());
        LiveSession session = LiveSession.eventLog(log, settings).flatOut().stopWhen(stop)
                .frames(report::accept).frames(frames).listener(listener).build();
        session.runHere();
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted while reading " + log.name());
        }
        Engine engine = session.engine();
        EventLogSource source = log.source();
        return report.build((System.nanoTime() - start) / 1_000_000, source.stats(), source.origin(),
                source.outOfOrder(), engine.lateAttempts(), source.jumps(), engine.foldedValues());
    }
}
