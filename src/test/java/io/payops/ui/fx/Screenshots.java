package io.payops.ui.fx;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a node's snapshot to target/screenshots/NAME.png; call on the FX thread. */
public final class Screenshots {
    private Screenshots() {
    }

    public static Path write(Node node, String name) {
        try {
            Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            ImageIO.write(SwingFXUtils.fromFXImage(node.snapshot(null, null), null), "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
