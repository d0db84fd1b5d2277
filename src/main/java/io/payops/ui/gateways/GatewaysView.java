package io.payops.ui.gateways;

import io.payops.ui.fx.FxmlViews;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import java.util.ArrayList;
import java.util.List;

/**
 * The gateway cards in a row ({@code #gateways-view}) that share the width equally and grow with the window. Cards
 * are made only when the ViewModel's card list is replaced (a new session), never per pulse.
 */
public final class GatewaysView extends HBox {
    private final GatewaysViewModel viewModel;

    @FXML private Label placeholder;

    public GatewaysView(GatewaysViewModel viewModel) {
        this.viewModel = viewModel;
        FxmlViews.load(this, "/fxml/gateways/GatewaysView.fxml");
        setId("gateways-view");
        getStylesheets().add(FxmlViews.stylesheet("/styles/gateways.css"));
        viewModel.cards().addListener((ListChangeListener<GatewayCardViewModel>) c -> buildCards());
        buildCards();
    }

    private void buildCards() {
        List<javafx.scene.Node> children = new ArrayList<>();
        for (GatewayCardViewModel card : viewModel.cards()) {
            GatewayCardView view = new GatewayCardView(card);
            HBox.setHgrow(view, Priority.ALWAYS);
            children.add(view);
        }
        if (children.isEmpty()) {
            children.add(placeholder);
        }
        getChildren().setAll(children);
    }

    /** The card view of one gateway, or null. */
    public GatewayCardView card(String gateway) {
        return (GatewayCardView) lookup("#gateway-card-" + gateway);
    }
}
