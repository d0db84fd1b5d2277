package io.payops.tickets;

import java.util.Locale;

/** Simulated milliseconds as a person reads them in an explanation: hh:mm:ss from the start of the run. */
final class SimTimes {
    private SimTimes() {
    }

    static String hms(long millis) {
        long s = Math.max(0, millis) / 1000;
        return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    static String minutes(long millis) {
        return String.format(Locale.ROOT, "%.1f min", millis / 60_000.0);
    }
}
