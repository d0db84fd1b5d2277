package io.payops.ui.dashboard;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.skins.NumberTileSkin;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.text.Text;

/**
 * TilesFX's number skin for tiles much wider than tall. The stock skin sizes every text from min(width, height),
 * which suits square tiles; in the dashboard's 210 × 100 tiles that makes the title and caption 6-8 px. This skin
 * lays the tile out exactly as the stock one does, but sizes the title, caption and unit as if the tile were
 * {@value #TEXT_SCALE} times taller (never more than its width), and the value {@value #VALUE_SCALE} times.
 * <p>
 * The skin sets its texts' fonts in code, and JavaFX lets a stylesheet's font (inherited from the window's root)
 * win over a font set in code whenever CSS is applied to the tile again, as it is when the tile's health
 * pseudo-class changes: every text then fell back to 12 px (a "0" as small as its caption). So a font that changes
 * outside this skin's own sizing has its size put back at the next layout.
 */
final class CompactNumberTileSkin extends NumberTileSkin {
    static final double TEXT_SCALE = 1.5;
    static final double VALUE_SCALE = 1.2;

    private boolean sizing;
    private boolean fontsReset;

    CompactNumberTileSkin(Tile tile) {
        super(tile);
        for (Node child : getChildren()) {
            watchFonts(child);
        }
    }

    private void watchFonts(Node node) {
        if (node instanceof Text t) {
            t.fontProperty().addListener((o, was, now) -> {
                if (!sizing && !fontsReset) {
                    fontsReset = true;
                    getSkinnable().requestLayout();
                }
            });
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                watchFonts(child);
            }
        }
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        super.layoutChildren(x, y, w, h);
        if (fontsReset) {
            fontsReset = false;
            resizeStaticText();
            resizeDynamicText();
        }
    }

    @Override
    protected void resizeStaticText() {
        double actual = size;
        size = Math.min(width, actual * TEXT_SCALE);
        sizing = true;
        try {
            super.resizeStaticText();
        } finally {
            sizing = false;
            size = actual;
        }
    }

    @Override
    protected void resizeDynamicText() {
        double actual = size;
        size = Math.min(width, actual * VALUE_SCALE);
        sizing = true;
        try {
            super.resizeDynamicText();
        } finally {
            sizing = false;
            size = actual;
        }
    }
}
