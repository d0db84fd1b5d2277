package io.payops.ui.reasoning;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** One ranked hypothesis: diagnosis and target, a confidence bar with its percentage, the source as a badge, the evidence. */
final class HypothesisRow extends VBox {
    private static final PseudoClass LLM = PseudoClass.getPseudoClass("llm");

    private final Label title = new Label();
    private final ProgressBar bar = new ProgressBar(0);
    private final Label confidence = new Label();
    private final Label source = new Label();
    private final VBox evidenceBox = new VBox();
    private final ReusableRows<String, Sentence> evidence = new ReusableRows<>(evidenceBox, Sentence::new, Sentence::fill);

    HypothesisRow() {
        getStyleClass().add("hypothesis");
        title.getStyleClass().add("hypothesis-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        bar.getStyleClass().add("confidence-bar");
        bar.setTooltip(new Tooltip("How confident the reasoner is in this hypothesis"));
        bar.setMinWidth(Region.USE_PREF_SIZE);
        confidence.getStyleClass().add("confidence-text");
        confidence.setMinWidth(Region.USE_PREF_SIZE);
        source.getStyleClass().add("source-badge");
        source.setTooltip(new Tooltip("Who proposed this hypothesis: the heuristics, or an LLM (gemini, openai). "
                + "Either way the policy engine decides"));
        source.setMinWidth(0);
        HBox meta = new HBox(bar, confidence, source);
        meta.getStyleClass().add("hypothesis-meta");
        evidenceBox.getStyleClass().add("sentences");
        getChildren().addAll(title, meta, evidenceBox);
    }

    void show(CycleDetail.HypothesisLine line) {
        title.setText(line.rank() + "  " + line.title());
        bar.setProgress(line.confidence());
        confidence.setText(line.confidenceText());
        source.setText(line.source());
        source.pseudoClassStateChanged(LLM, line.llm());
        evidence.show(line.evidence());
    }
}
