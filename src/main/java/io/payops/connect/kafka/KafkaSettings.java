package io.payops.connect.kafka;

import io.payops.common.BadInputException;
import io.payops.common.Excerpt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which topic to read and how: {@code --kafka BOOTSTRAP --topic T [--group G] [--from earliest|latest]
 * [--max-records N]}, the same from the console's dialog.
 *
 * @param bootstrap  host:port[,host:port…], the brokers first asked for the cluster
 * @param topic      the topic whose record values are attempts
 * @param group      the consumer group: its committed offsets are where a restart resumes
 * @param from       where a group with no committed offset starts: {@code earliest} or {@code latest} (Kafka's
 *                   auto.offset.reset); a group that committed resumes where it left either way
 * @param maxRecords read this many records, then end as at the end of a file; null to read until stopped
 * @param csvHeader  the CSV header the values are written under, or null (JSON values, or the header as a record)
 */
public record KafkaSettings(String bootstrap, String topic, String group, String from, Long maxRecords,
                            String csvHeader) {
    public static final String DEFAULT_GROUP = "payops";
    public static final String DEFAULT_FROM = "latest";
    /** Kafka's own rule for topic names (and group ids are kept to the same, so they read in a shell). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,249}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+\\]");

    /**
     * Checks what the user gave, each problem named with what was expected.
     *
     * @throws BadInputException naming the option (or dialog field) and what was expected
     */
    public static KafkaSettings of(String bootstrap, String topic, String group, String from, Long maxRecords,
                                   String csvHeader) {
        String b = checkBootstrap(bootstrap);
        if (topic == null || topic.isBlank()) {
            throw new BadInputException("--topic: missing (expected the topic whose records are attempts, such as "
                    + "payments)");
        }
        String t = topic.strip();
        if (!NAME.matcher(t).matches() || t.equals(".") || t.equals("..")) {
            throw new BadInputException("--topic: '" + Excerpt.of(t) + "' is not a Kafka topic name (expected 1 to 249 "
                    + "letters, digits, '.', '_' or '-')");
        }
        String g = group == null || group.isBlank() ? DEFAULT_GROUP : group.strip();
        if (!NAME.matcher(g).matches()) {
            throw new BadInputException("--group: '" + Excerpt.of(g) + "' is not a group id (expected 1 to 249 letters, "
                    + "digits, '.', '_' or '-')");
        }
        String f = from == null || from.isBlank() ? DEFAULT_FROM : from.strip().toLowerCase(Locale.ROOT);
        if (!f.equals("earliest") && !f.equals("latest")) {
            throw new BadInputException("--from: '" + Excerpt.of(from) + "' is not a start (expected earliest or "
                    + "latest)");
        }
        if (maxRecords != null && maxRecords < 1) {
            throw new BadInputException("--max-records: " + maxRecords + " is not a count (expected 1 or more)");
        }
        if (csvHeader != null && csvHeader.isBlank()) {
            throw new BadInputException("--kafka-csv-header: empty (expected the CSV header the values are written "
                    + "under, such as ts,gateway,issuer,status,latencyMs)");
        }
        return new KafkaSettings(b, t, g, f, maxRecords, csvHeader == null ? null : csvHeader.strip());
    }

    private static String checkBootstrap(String bootstrap) {
        if (bootstrap == null || bootstrap.isBlank()) {
            throw new BadInputException("--kafka: missing (expected the brokers as host:port, such as 127.0.0.1:9092)");
        }
        List<String> servers = new ArrayList<>();
        for (String part : bootstrap.split(",")) {
            String s = part.strip();
            int colon = s.lastIndexOf(':');
            String host = colon > 0 ? s.substring(0, colon) : "";
            String port = colon > 0 ? s.substring(colon + 1) : "";
            int p = -1;
            try {
                p = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                // said below
            }
            if (s.contains("://") || !HOST.matcher(host).matches() || p < 1 || p > 65_535) {
                throw new BadInputException("--kafka: '" + Excerpt.of(s) + "' is not a broker address (expected "
                        + "host:port with a port from 1 to 65535, several separated by commas, such as "
                        + "127.0.0.1:9092)");
            }
            servers.add(host + ":" + p);
        }
        return String.join(",", servers);
    }

    /** "kafka://127.0.0.1:9092/payments": what messages, the report and the console call the input. */
    public String name() {
        return "kafka://" + bootstrap + "/" + topic;
    }
}
