package io.payops.ui.fx;

import javafx.beans.InvalidationListener;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/**
 * A label shown whole or not at all. Where the space a layout leaves it is too narrow for its text (the status
 * line's scenario description at 1024 px), it is drawn transparent rather than cut with "…" into a sentence that
 * stops mid-word; it keeps its place, its tooltip still gives the text on hover, and it shows again as soon as the
 * window is wide enough.
 */
public final class WholeText {
    private WholeText() {
    }

    public static void install(Labeled label) {
        Text probe = new Text();
        InvalidationListener check = o -> {
            String text = label.getText();
            probe.setText(text == null ? "" : text);
            probe.setFont(label.getFont());
            double needed = probe.getLayoutBounds().getWidth() + label.snappedLeftInset() + label.snappedRightInset();
            label.setOpacity(needed <= label.getWidth() + 0.5 ? 1 : 0);
        };
        label.widthProperty().addListener(check);
        label.textProperty().addListener(check);
        label.fontProperty().addListener(check);
        check.invalidated(null);
    }
}
