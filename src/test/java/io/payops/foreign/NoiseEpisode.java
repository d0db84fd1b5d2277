package io.payops.foreign;

/**
 * Background noise, NOT a fault: reported so a reader can tell why a detector may have flinched there.
 *
 * @param kind      background_degradation (a target loses {@code magnitude} points of success) or retry_burst
 *                  (failed payments retried 1-3 times; {@code magnitude} is the share retried)
 * @param dimension gateway | issuer, or "all" for a retry burst
 * @param endSecond exclusive
 */
public record NoiseEpisode(String kind, String dimension, String value, long startSecond, long endSecond,
                           double magnitude) {
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s on %s=%s %s-%s (%.2f)", kind, dimension, value,
                Episode.clock(startSecond), Episode.clock(endSecond), magnitude);
    }
}
