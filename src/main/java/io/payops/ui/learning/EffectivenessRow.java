package io.payops.ui.learning;

/**
 * One row of the effectiveness table: how often an action taken for a diagnosis helped, hurt, did nothing, or could
 * not be judged. {@code helpedShare} is helped over judged (helped + hurt + neutral), NaN when none was judged.
 */
public record EffectivenessRow(
        String situation,
        String diagnosis,
        String action,
        int helped,
        int hurt,
        int neutral,
        int inconclusive,
        double helpedShare,
        String helpedShareText) {

    public int judged() {
        return helped + hurt + neutral;
    }
}
