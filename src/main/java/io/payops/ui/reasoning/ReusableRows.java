package io.payops.ui.reasoning;

import javafx.scene.Node;
import javafx.scene.layout.Pane;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The rows of one section of the pane (anomalies, hypotheses, sentences). Nodes are made the first time a cycle
 * needs that many and then only refilled, hidden when not needed: changing the cycle shown never rebuilds the
 * scene graph, and the node count stays bounded by the most rows a cycle has had (the ViewModel caps them).
 */
final class ReusableRows<T, N extends Node> {
    private final Pane box;
    private final Supplier<N> factory;
    private final BiConsumer<N, T> fill;

    ReusableRows(Pane box, Supplier<N> factory, BiConsumer<N, T> fill) {
        this.box = box;
        this.factory = factory;
        this.fill = fill;
    }

    @SuppressWarnings("unchecked")
    void show(List<T> items) {
        List<Node> children = box.getChildren();
        while (children.size() < items.size()) {
            children.add(factory.get());
        }
        for (int i = 0; i < children.size(); i++) {
            N node = (N) children.get(i);
            boolean used = i < items.size();
            node.setVisible(used);
            node.setManaged(used);
            if (used) {
                fill.accept(node, items.get(i));
            }
        }
    }
}
