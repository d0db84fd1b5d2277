package io.payops.ui.dashboard;

import io.payops.ui.fx.BackgroundTask;
import io.payops.ui.fx.UiExecutor;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.FileChooser;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * "Save as PNG…" on a chart's context menu: the chart as it is on screen, written to a file the user picks. The
 * picture is taken on the FX thread (it must be); encoding and writing run on a background thread.
 */
public final class ChartPng {
    private ChartPng() {
    }

    /**
     * Adds the context menu to {@code chart}; {@code report} hears "Saved …" or why it could not be saved (FX thread).
     *
     * @param name the file name offered, without ".png" (also the menu item's id: {@code save-png-<name>})
     */
    public static void install(Node chart, String name, UiExecutor executor, Consumer<String> report) {
        MenuItem save = new MenuItem("Save as PNG…");
        save.setId("save-png-" + name);
        ContextMenu menu = new ContextMenu(save);
        save.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save the chart as PNG");
            chooser.setInitialFileName(name + ".png");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
            File file = chooser.showSaveDialog(chart.getScene().getWindow());
            if (file != null) {
                save(chart, file.toPath(), executor, report);
            }
        });
        chart.setOnContextMenuRequested(e -> {
            menu.show(chart, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    /** Takes the picture now and writes it to {@code file} in the background. FX thread. */
    public static void save(Node chart, Path file, UiExecutor executor, Consumer<String> report) {
        WritableImage image = chart.snapshot(null, null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BackgroundTask.of(() -> write(argb, w, h, file))
                .onSuccess(p -> report.accept("Saved the chart as " + p))
                .onFailure(e -> report.accept("Could not save the chart as " + file + ": " + e.getMessage()))
                .executeWith(executor);
    }

    private static Path write(int[] argb, int w, int h, Path file) throws IOException {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        if (!ImageIO.write(out, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
        return file;
    }
}
