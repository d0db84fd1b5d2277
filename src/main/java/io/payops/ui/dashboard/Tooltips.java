package io.payops.ui.dashboard;

import javafx.scene.control.Tooltip;

/** Tooltips of the dashboard: explanations and action notes can be long, so they wrap. */
final class Tooltips {
    static final double MAX_WIDTH = 380;

    private Tooltips() {
    }

    static Tooltip wrapped(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(MAX_WIDTH);
        return t;
    }
}
