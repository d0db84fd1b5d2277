package io.payops.ui.gateways;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/**
 * The line above the gateway cards that says, over an event log, that the routing shown is recommended and not
 * applied ({@code #routing-note}); hidden for simulated traffic, where the cards show the routing in force.
 */
public final class RoutingNoteView extends Label {
    public RoutingNoteView(GatewaysViewModel vm) {
        setId("routing-note");
        getStyleClass().add("routing-note");
        textProperty().bind(vm.routingNoteProperty());
        visibleProperty().bind(vm.routingNoteProperty().isNotEmpty());
        managedProperty().bind(visibleProperty());
        setMaxWidth(Double.MAX_VALUE);
        setTooltip(new Tooltip(GatewaysViewModel.RECOMMENDED_ROUTING_WHY));
    }
}
