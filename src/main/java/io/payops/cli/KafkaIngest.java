package io.payops.cli;

import io.payops.connect.ConnectorSettings;
import io.payops.connect.kafka.KafkaFeed;
import io.payops.connect.kafka.KafkaSettings;
import io.payops.engine.EventLogSession;
import io.payops.engine.RunSettings;
import io.payops.ingest.EventLogFormat;
import io.payops.ingest.LogMapping;
import io.payops.sim.Scenario;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * {@code ingest --kafka}: the agent over a topic, as over a followed file. It waits for the first records (a broker
 * that is not there yet is said on stderr, and the wait goes on), runs until Ctrl+C or {@code --max-records}, and
 * writes the report once the last offsets observed are committed.
 */
final class KafkaIngest {
    /** The consumer's last commit and goodbye are bounded by its own timeouts; this only ends a wait for a stuck one. */
    private static final long CLOSE_WAIT_MILLIS = 15_000;

    private KafkaIngest() {
    }

    static int run(IngestCommand command, KafkaSettings topic, EventLogFormat format, LogMapping mapping,
                   Scenario worldFrom, RunSettings settings, ConnectorSettings connectors, ReportTarget out)
            throws IOException, InterruptedException {
        PrintWriter stdout = out.forPeople(command.spec);
        PrintWriter stderr = command.spec.commandLine().getErr();
        String csvHeader = topic.csvHeader();
        KafkaFeed feed = KafkaFeed.start(topic, format, mapping, notice -> {
            synchronized (stderr) {
                stderr.println("payops: " + notice);
                stderr.flush();
            }
        });
        EventLogSession log;
        try {
            // Ctrl+C while waiting for the first records: nothing read, nothing to commit, so the JVM may simply exit
            log = EventLogSession.open(feed, format, csvHeader, mapping, worldFrom, () -> false);
        } catch (RuntimeException e) {
            feed.close();
            feed.awaitClosed(CLOSE_WAIT_MILLIS);
            throw e;
        }
        IngestCommand.StopSignal stop = new IngestCommand.StopSignal(true);
        stdout.printf("reading %s (%s, group %s); world %s; %s%n", log.name(), log.format().key(), topic.group(),
                log.worldNote(), topic.maxRecords() != null ? "ends after " + topic.maxRecords() + " records"
                        : "Ctrl+C writes the report and stops");
        stdout.flush();
        return command.report(log, settings, connectors, out, stop, true, () -> {
            try {
                if (!feed.awaitClosed(CLOSE_WAIT_MILLIS)) {
                    stderr.println("payops: warning: kafka: the consumer did not close within "
                            + CLOSE_WAIT_MILLIS / 1000 + " s; the last offsets may not be committed");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (feed.lateRecords() > 0) {
                stderr.printf("payops: warning: %s: %,d records came more than %d ms after later ones in another "
                        + "partition; they were observed out of order, not dropped%n", log.name(), feed.lateRecords(),
                        io.payops.connect.kafka.KafkaFeed.LATENESS_MILLIS);
            }
            stdout.printf("kafka: %,d records read from %s, %,d committed for group %s%n", feed.recordsRead(),
                    log.name(), feed.recordsCommitted(), topic.group());
        }, feed::health);
    }
}
