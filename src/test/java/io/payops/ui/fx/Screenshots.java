package io.payops.ui.fx;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** @return the file written, or null when screenshots are off */
    public static Path write(Node node, String name) {
        String folder = System.getProperty("screenshots.dir", "");
        if (folder.isBlank()) {
            return null;
        }
        try {
            Path dir = Path.of(folder);
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            ImageIO.write(SwingFXUtils.fromFXImage(node.snapshot(null, null), null), "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
