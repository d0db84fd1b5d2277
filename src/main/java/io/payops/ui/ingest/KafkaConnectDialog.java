package io.payops.ui.ingest;

import io.payops.connect.kafka.KafkaSettings;
import io.payops.ui.fx.FxmlViews;
import javafx.event.ActionEvent;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.util.List;

/**
 * File → Connect to Kafka…: the brokers, the topic, the consumer group and where a new group starts. Connect hands
 * the fields to {@link EventLogViewModel#connectKafka}, which checks them (a wrong field keeps the dialog open and
 * says what was expected) and connects off the FX thread; Cancel connects nothing.
 */
public final class KafkaConnectDialog extends Dialog<ButtonType> {
    public static final ButtonType CONNECT = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);

    private final TextField bootstrap = new TextField();
    private final TextField topic = new TextField();
    private final TextField group = new TextField(KafkaSettings.DEFAULT_GROUP);
    private final ChoiceBox<String> from = new ChoiceBox<>();
    private final Label problem = new Label();

    public KafkaConnectDialog(EventLogViewModel vm, Window owner, List<String> stylesheets) {
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("Connect to Kafka");
        getDialogPane().setId("kafka-connect-dialog");
        getDialogPane().getStylesheets().setAll(stylesheets);
        getDialogPane().getStylesheets().add(FxmlViews.stylesheet("/styles/settings.css"));
        bootstrap.setId("kafka-bootstrap");
        bootstrap.setPromptText("127.0.0.1:9092");
        topic.setId("kafka-topic");
        topic.setPromptText("payments");
        group.setId("kafka-group");
        from.setId("kafka-from");
        from.getItems().setAll("latest", "earliest");
        from.setValue(KafkaSettings.DEFAULT_FROM);
        problem.setId("kafka-problem");
        problem.setWrapText(true);
        problem.setMaxWidth(420);
        problem.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        // the settings dialog's own classes (settings.css): a problem in the down colour, muted labels
        problem.getStyleClass().add("field-error");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("settings-grid");
        grid.addRow(0, label("Bootstrap servers"), bootstrap);
        grid.addRow(1, label("Topic"), topic);
        grid.addRow(2, label("Consumer group"), group);
        grid.addRow(3, label("A new group starts at"), from);
        grid.add(problem, 0, 4, 2, 1);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(CONNECT, ButtonType.CANCEL);
        getDialogPane().lookupButton(CONNECT).setId("kafka-connect");
        getDialogPane().lookupButton(CONNECT).addEventFilter(ActionEvent.ACTION, e -> {
            String wrong = vm.connectKafka(bootstrap.getText(), topic.getText(), group.getText(), from.getValue());
            if (wrong != null) {
                problem.setText(wrong);
                // the dialog grows to the message's lines, so it is read whole, not cut after one
                getDialogPane().requestLayout();
                if (getDialogPane().getScene() != null && getDialogPane().getScene().getWindow() != null) {
                    getDialogPane().getScene().getWindow().sizeToScene();
                }
                e.consume(); // stays open: the message says which field and what was expected
            }
        });
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        return l;
    }
}
