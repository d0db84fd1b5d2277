package io.payops.connect.kafka;

import io.payops.common.BadInputException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KafkaSettingsTest {
    @Test
    void defaultsAndName() {
        KafkaSettings s = KafkaSettings.of(" 127.0.0.1:9092 , broker-2:9093", "payments", null, null, null, null);
        assertEquals("127.0.0.1:9092,broker-2:9093", s.bootstrap());
        assertEquals(KafkaSettings.DEFAULT_GROUP, s.group());
        assertEquals("latest", s.from());
        assertEquals("kafka://127.0.0.1:9092,broker-2:9093/payments", s.name());
        assertEquals("earliest", KafkaSettings.of("h:1", "t", "g", "EARLIEST", 5L, null).from());
    }

    @Test
    void badInputNamesTheOptionAndWhatWasExpected() {
        assertMessage("--kafka: 'localhost' is not a broker address (expected host:port",
                () -> KafkaSettings.of("localhost", "t", null, null, null, null));
        assertMessage("--kafka: 'h:70000'", () -> KafkaSettings.of("h:70000", "t", null, null, null, null));
        assertMessage("--kafka: 'http://h:9092'", () -> KafkaSettings.of("http://h:9092", "t", null, null, null, null));
        assertMessage("--topic: missing", () -> KafkaSettings.of("h:1", " ", null, null, null, null));
        assertMessage("--topic: 'a b' is not a Kafka topic name", () -> KafkaSettings.of("h:1", "a b", null, null, null, null));
        assertMessage("--group: 'x/y'", () -> KafkaSettings.of("h:1", "t", "x/y", null, null, null));
        assertMessage("--from: 'oldest' is not a start (expected earliest or latest)",
                () -> KafkaSettings.of("h:1", "t", null, "oldest", null, null));
        assertMessage("--max-records: 0", () -> KafkaSettings.of("h:1", "t", null, null, 0L, null));
    }

    private static void assertMessage(String start, Runnable r) {
        BadInputException e = assertThrows(BadInputException.class, r::run);
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
