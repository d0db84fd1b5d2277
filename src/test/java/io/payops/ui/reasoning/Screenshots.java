package io.payops.ui.reasoning;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a node's snapshot to target/screenshots (or -Dscreenshots.dir) for a person to look at. FX thread only. */
final class Screenshots {
    private Screenshots() {
    }

    static Path write(Node node, String name) {
        Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            ImageIO.write(SwingFXUtils.fromFXImage(node.snapshot(null, null), null), "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
