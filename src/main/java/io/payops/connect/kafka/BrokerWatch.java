package io.payops.connect.kafka;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Whether the broker answers, said once per outage: the first failure says it is down (and what failed), the first
 * answer after says it is back (and after how long); failures in between are counted, not repeated.
 */
final class BrokerWatch {
    private final String name;
    private final Consumer<String> notices;
    private final LongSupplier wallMillis;
    private boolean down;
    private long downSince;
    private long outages;
    private String lastError;

    BrokerWatch(String name, Consumer<String> notices, LongSupplier wallMillis) {
        this.name = name;
        this.notices = notices;
        this.wallMillis = wallMillis;
    }

    /** Something failed: the first failure of an outage is said. */
    void failed(String why) {
        lastError = why;
        if (down) {
            return;
        }
        down = true;
        outages++;
        downSince = wallMillis.getAsLong();
        notices.accept("kafka: " + name + " is not reachable (" + why + "); retrying with backoff, the run goes on "
                + "with what it has read");
    }

    /** The broker answered: the end of an outage is said. */
    void answered() {
        if (!down) {
            return;
        }
        down = false;
        lastError = null;
        long seconds = (wallMillis.getAsLong() - downSince + 500) / 1000;
        notices.accept("kafka: " + name + " is back after " + seconds + " s; reading again from where the run left");
    }

    boolean down() {
        return down;
    }

    long outages() {
        return outages;
    }

    String lastError() {
        return lastError;
    }
}
