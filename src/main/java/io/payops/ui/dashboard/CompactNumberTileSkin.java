package io.payops.ui.dashboard;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.skins.NumberTileSkin;

/**
 * TilesFX's number skin for tiles much wider than tall. The stock skin sizes every text from min(width, height),
 * which suits square tiles; in the dashboard's 210 × 100 tiles that makes the title and caption 6-8 px. This skin
 * lays the tile out exactly as the stock one does, but sizes the title, caption and unit as if the tile were
 * {@value #TEXT_SCALE} times taller (never more than its width), and the value {@value #VALUE_SCALE} times.
 */
final class CompactNumberTileSkin extends NumberTileSkin {
    static final double TEXT_SCALE = 1.5;
    static final double VALUE_SCALE = 1.2;

    CompactNumberTileSkin(Tile tile) {
        super(tile);
    }

    @Override
    protected void resizeStaticText() {
        double actual = size;
        size = Math.min(width, actual * TEXT_SCALE);
        try {
            super.resizeStaticText();
        } finally {
            size = actual;
        }
    }

    @Override
    protected void resizeDynamicText() {
        double actual = size;
        size = Math.min(width, actual * VALUE_SCALE);
        try {
            super.resizeDynamicText();
        } finally {
            size = actual;
        }
    }
}
