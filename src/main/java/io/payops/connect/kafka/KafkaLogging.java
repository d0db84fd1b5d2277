package io.payops.connect.kafka;

import org.slf4j.LoggerFactory;

/**
 * Quiets Apache Kafka's client logging: it logs every reconnect attempt while a broker is down (several a second)
 * and its whole configuration at start. The feed says an outage once, and its end, itself.
 */
final class KafkaLogging {
    private KafkaLogging() {
    }

    static void quiet() {
        org.slf4j.Logger logger = LoggerFactory.getLogger("org.apache.kafka");
        if (logger instanceof ch.qos.logback.classic.Logger l && l.getLevel() == null) {
            l.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }
}
