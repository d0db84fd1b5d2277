package io.payops.connect.alertmanager;

import java.io.IOException;

/** Carries one POST of alerts to Alertmanager: {@link HttpAlertTransport}, or a fake in tests of queue and backoff. */
interface AlertTransport {
    /** Alertmanager's answer: its HTTP status and the start of its body (which says what was wrong on a 400). */
    record Answer(int status, String body) {
        boolean accepted() {
            return status >= 200 && status < 300;
        }

        /**
         * A 4xx other than 408 (timeout) and 429 (too many requests) says the alerts themselves are wrong: posting
         * them again would get the same answer.
         */
        boolean rejected() {
            return status >= 400 && status < 500 && status != 408 && status != 429;
        }
    }

    /** @param json a JSON array of postable alerts; @throws IOException when Alertmanager cannot be reached */
    Answer post(byte[] json) throws IOException, InterruptedException;
}
