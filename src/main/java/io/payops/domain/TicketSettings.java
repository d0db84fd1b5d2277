package io.payops.domain;

import java.util.Locale;

/**
 * How the simulated merchants write in, as a scenario's {@code tickets} section would set it: background tickets per
 * minute (all merchants together), the migration stage, how often a burst hits several merchants with the same
 * error and how many merchants it hits, and how many tickets per minute one merchant files while a payment fault
 * hits its traffic at full severity. Out-of-range values are refused with the field and the expected range.
 */
public record TicketSettings(
        double ticketsPerMinute,
        MigrationStage stage,
        double burstsPerHour,
        int burstSize,
        double paymentTicketsPerMinute) {

    public static final TicketSettings DEFAULT = new TicketSettings(0.5, MigrationStage.STOREFRONT_CUTOVER, 2, 4, 0.6);

    public TicketSettings {
        range("ticketsPerMinute", ticketsPerMinute, 0, 600);
        if (stage == null) {
            throw new IllegalArgumentException("tickets.stage: missing (expected one of " + MigrationStage.keys() + ")");
        }
        range("burstsPerHour", burstsPerHour, 0, 60);
        if (burstSize < 1 || burstSize > 100) {
            throw new IllegalArgumentException("tickets.burstSize: expected a whole number from 1 to 100, was "
                    + burstSize);
        }
        range("paymentTicketsPerMinute", paymentTicketsPerMinute, 0, 60);
    }

    /** Only background tickets: no bursts, no tickets from payment faults. */
    public static TicketSettings noiseOnly(double ticketsPerMinute, MigrationStage stage) {
        return new TicketSettings(ticketsPerMinute, stage, 0, 1, 0);
    }

    private static void range(String field, double value, double min, double max) {
        if (!Double.isFinite(value) || value < min || value > max) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "tickets.%s: expected a number from %s to %s, was %s", field, plain(min), plain(max), value));
        }
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
