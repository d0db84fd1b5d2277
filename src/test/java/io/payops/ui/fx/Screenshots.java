package io.payops.ui.fx;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.PopupControl;
import javafx.scene.text.Text;
import javafx.stage.Window;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Writes a node's snapshot to NAME.png in the folder the system property {@code screenshots.dir} names; call on the
 * FX thread. Only {@code mvn -Pscreenshots} sets it (to target/screenshots) and runs the tests tagged {@link #TAG} or
 * {@link #TAKES}: the default build runs the UI tests and asserts what the views show, without drawing and encoding
 * pictures nobody looks at. A test that calls this must carry one of the two tags (ScreenshotTagsTest checks).
 */
public final class Screenshots {
    /**
     * The JUnit tag of tests that exist only to take pictures (what the pictures show is asserted by untagged tests):
     * the default build leaves them out, {@code mvn -Pscreenshots} runs them.
     */
    public static final String TAG = "screenshot";
    /** The JUnit tag of UI tests that also take pictures: both builds run them, the pictures only in the profile. */
    public static final String TAKES = "takes-screenshots";

    private Screenshots() {
    }

    /** @return the file written, or null when screenshots are off; {@code name} may name a sub-folder ("a/b") */
    public static Path write(Node node, String name) {
        return file(name) == null ? null : save(SwingFXUtils.fromFXImage(node.snapshot(null, null), null), name);
    }

    /**
     * Writes what a user sees of {@code main}: its scene with every other showing window drawn over it where it is
     * on the screen (the approval pop-up, a dialog), as a screen grab would show them. Tooltips and menus are left
     * out: they show only while the mouse rests, so a picture with one is an accident of where the robot stopped.
     *
     * @return the file written, or null when screenshots are off
     */
    public static Path writeWindow(Window main, String name) {
        if (file(name) == null) {
            return null;
        }
        BufferedImage image = SwingFXUtils.fromFXImage(main.getScene().getRoot().snapshot(null, null), null);
        double originX = main.getX() + main.getScene().getX();
        double originY = main.getY() + main.getScene().getY();
        Graphics2D g = image.createGraphics();
        try {
            for (Window w : overlays(main)) {
                BufferedImage over = SwingFXUtils.fromFXImage(w.getScene().getRoot().snapshot(null, null), null);
                g.drawImage(over, (int) Math.round(w.getX() + w.getScene().getX() - originX),
                        (int) Math.round(w.getY() + w.getScene().getY() - originY), null);
            }
        } finally {
            g.dispose();
        }
        return save(image, name);
    }

    /** The texts a user cannot read whole in {@code main} and the windows over it: each shown cut with "…". */
    public static List<String> elided(Window main) {
        List<String> out = new ArrayList<>();
        elided(main.getScene().getRoot(), out);
        for (Window w : overlays(main)) {
            elided(w.getScene().getRoot(), out);
        }
        return out;
    }

    /**
     * Every visible labelled node (cells too) under {@code parent} whose text is shown cut: with its ellipsis in
     * place of the rest (a mnemonic's underscore left out is not a cut).
     */
    public static void elided(Parent parent, List<String> out) {
        for (Node n : parent.getChildrenUnmodifiable()) {
            if (!n.isVisible() || n.getOpacity() == 0) {
                continue;
            }
            if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()
                    && l.lookup(".text") instanceof Text shown && shown.getText() != null
                    && !l.getText().equals(shown.getText()) && !l.getEllipsisString().isEmpty()
                    && shown.getText().contains(l.getEllipsisString())) {
                out.add(l.getClass().getSimpleName() + " " + l.getId() + " " + l.getStyleClass() + ": '"
                        + l.getText().replace('\n', ' ') + "' shown as '" + shown.getText().replace('\n', ' ') + "'");
            }
            if (n instanceof Parent p) {
                elided(p, out);
            }
        }
    }

    private static List<Window> overlays(Window main) {
        List<Window> out = new ArrayList<>();
        for (Window w : Window.getWindows()) {
            if (w != main && w.isShowing() && w.getScene() != null && !(w instanceof PopupControl)) {
                out.add(w);
            }
        }
        return out;
    }

    private static Path file(String name) {
        String folder = System.getProperty("screenshots.dir", "");
        return folder.isBlank() ? null : Path.of(folder).resolve(name + ".png");
    }

    private static Path save(BufferedImage image, String name) {
        Path file = file(name);
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(image, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
