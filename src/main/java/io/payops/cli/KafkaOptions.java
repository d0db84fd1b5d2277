package io.payops.cli;

import io.payops.common.BadInputException;
import io.payops.connect.kafka.KafkaSettings;
import picocli.CommandLine.Option;

/**
 * Kafka in (README, "Kafka in"): {@code --kafka BOOTSTRAP --topic T [--group G] [--from earliest|latest]
 * [--kafka-csv-header NAMES] [--max-records N]}, on {@code ingest} and {@code console}.
 */
public final class KafkaOptions {
    @Option(names = "--kafka", paramLabel = "BOOTSTRAP",
            description = "Read attempts from a Kafka topic instead of a file: the brokers as host:port[,host:port…]. "
                    + "Each record's value is one attempt, JSON or one CSV line, read as an event log line is "
                    + "(--map, --status-map, --mapping apply); its ts, else the record's timestamp, is the clock.")
    String bootstrap;

    @Option(names = "--topic", paramLabel = "T", description = "The topic to read (with --kafka).")
    String topic;

    @Option(names = "--group", paramLabel = "G",
            description = "The consumer group (default: " + KafkaSettings.DEFAULT_GROUP + "). Offsets are committed "
                    + "once the agent has observed the records, so a restart with the same group resumes there.")
    String group;

    @Option(names = "--from", paramLabel = "earliest|latest",
            description = "Where a group with no committed offset starts (default: " + KafkaSettings.DEFAULT_FROM
                    + "); a group that committed resumes where it left.")
    String from;

    @Option(names = "--kafka-csv-header", paramLabel = "NAMES",
            description = "The CSV header the record values are written under, such as ts,gateway,issuer,status,"
                    + "latencyMs (names as in --map). Without it, CSV values need the header as the topic's first "
                    + "record; JSON values need none.")
    String csvHeader;

    @Option(names = "--max-records", paramLabel = "N",
            description = "Read N records, then end as at the end of a file, commit and write the report.")
    Long maxRecords;

    /** True when {@code --kafka} was given. */
    public boolean given() {
        return bootstrap != null;
    }

    /** @throws BadInputException when a Kafka option was given without {@code --kafka} */
    public void checkUnused() {
        if (given()) {
            return;
        }
        String stray = topic != null ? "--topic" : group != null ? "--group" : from != null ? "--from"
                : csvHeader != null ? "--kafka-csv-header" : maxRecords != null ? "--max-records" : null;
        if (stray != null) {
            throw new BadInputException(stray + ": needs --kafka BOOTSTRAP (the brokers of the topic to read)");
        }
    }

    /** @throws BadInputException naming the option and what was expected */
    public KafkaSettings settings() {
        return KafkaSettings.of(bootstrap, topic, group, from, maxRecords, csvHeader);
    }
}
