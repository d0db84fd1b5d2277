package io.payops.ui.fx;

import javafx.fxml.FXMLLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

/** Loads a view's FXML with the view as both root and controller (the fx:root pattern), and finds stylesheets. */
public final class FxmlViews {
    private FxmlViews() {
    }

    public static void load(Object view, String resource) {
        URL url = FxmlViews.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("missing FXML resource " + resource);
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setRoot(view);
        loader.setController(view);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + resource, e);
        }
    }

    public static String stylesheet(String resource) {
        URL url = FxmlViews.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("missing stylesheet " + resource);
        }
        return url.toExternalForm();
    }
}
