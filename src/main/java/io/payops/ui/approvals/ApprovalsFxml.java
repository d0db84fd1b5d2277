package io.payops.ui.approvals;

import javafx.fxml.FXMLLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

/** Loads an fx:root FXML file with the node itself as root and controller. */
final class ApprovalsFxml {
    private ApprovalsFxml() {
    }

    static void load(Object rootAndController, String resource) {
        URL url = ApprovalsFxml.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("missing FXML resource " + resource);
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setRoot(rootAndController);
        loader.setController(rootAndController);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + resource, e);
        }
    }
}
