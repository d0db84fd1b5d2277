package io.payops.ui.testpayment;

import io.payops.ui.fx.Columns;
import io.payops.ui.fx.FxmlViews;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

import java.util.List;
import java.util.function.Function;

/**
 * Tools → Send a test payment…: the payment's fields, Send, and the attempt chain of the payment last sent. Not
 * modal: the console goes on behind it, and the chain fills in as the frames bring its attempts.
 */
public final class TestPaymentDialog extends Dialog<ButtonType> {
    public TestPaymentDialog(TestPaymentViewModel vm, Window owner, List<String> stylesheets) {
        if (owner != null) {
            initOwner(owner);
        }
        initModality(Modality.NONE);
        setTitle("Send a test payment");
        setHeaderText("One payment through the live routing, retries and circuits");
        getDialogPane().setId("test-payment-dialog");
        getDialogPane().getStylesheets().setAll(stylesheets);
        // tables.css: the wrapping cells (chosen by, circuits) take their text colour from it
        getDialogPane().getStylesheets().addAll(FxmlViews.stylesheet("/styles/tables.css"),
                FxmlViews.stylesheet("/styles/testpayment.css"));

        GridPane fields = new GridPane();
        fields.getStyleClass().add("test-payment-fields");
        fields.setHgap(8);
        fields.setVgap(6);
        fields.addRow(0, new Label("Merchant"), box("tp-merchant", vm.merchants(), vm.merchantProperty()),
                new Label("Method"), box("tp-method", vm.methods(), vm.methodProperty()));
        fields.addRow(1, new Label("Issuer"), box("tp-issuer", vm.issuers(), vm.issuerProperty()),
                new Label("Network"), box("tp-network", vm.networks(), vm.networkProperty()));
        TextField amount = new TextField();
        amount.setId("tp-amount");
        amount.setPrefColumnCount(9);
        amount.textProperty().bindBidirectional(vm.amountProperty());
        Label currency = new Label();
        currency.textProperty().bind(vm.currencyProperty());
        Button send = new Button("Send");
        send.setId("tp-send");
        send.disableProperty().bind(vm.availableProperty().not());
        send.setOnAction(e -> vm.send());
        fields.addRow(2, new Label("Amount"), new HBox(6, amount, currency), new Label(""), send);

        Label message = new Label();
        message.setId("tp-message");
        message.getStyleClass().add("test-payment-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        Label result = new Label();
        result.setId("tp-result");
        result.getStyleClass().add("test-payment-result");
        result.setWrapText(true);
        result.textProperty().bind(vm.resultProperty());

        TableView<TestAttemptRow> chain = new TableView<>(vm.attempts());
        chain.setId("tp-attempts");
        chain.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        chain.setPlaceholder(new Label("The attempts show here once the payment is sent"));
        chain.setPrefHeight(170);
        chain.getColumns().setAll(List.of(
                column("Attempt", 96, TestAttemptRow::attempt, Columns::text),
                column("At", 88, TestAttemptRow::at, Columns::text), // "t = 1257.0 s" whole
                column("Gateway", 76, TestAttemptRow::gateway, Columns::text),
                column("Status", 104, TestAttemptRow::status, Columns::text),
                column("Latency", 64, TestAttemptRow::latency, Columns::text),
                // the two that explain the choice wrap rather than be cut (several circuits on one path are long)
                column("Chosen by: routing share of this path, %", 330, TestAttemptRow::chosenBy, Columns::wrappedText),
                column("Circuits on the path", 150, TestAttemptRow::circuits, Columns::wrappedText)));

        VBox content = new VBox(10, fields, message, chain, result);
        content.getStyleClass().add("test-payment");
        VBox.setVgrow(chain, Priority.ALWAYS);
        content.setPrefWidth(980);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        getDialogPane().lookupButton(ButtonType.CLOSE).setId("tp-close");
        setResizable(true);
    }

    private static ComboBox<String> box(String id, javafx.collections.ObservableList<String> items,
                                        javafx.beans.property.Property<String> value) {
        ComboBox<String> box = new ComboBox<>(items);
        box.setId(id);
        box.setPrefWidth(200);
        box.setVisibleRowCount(12);
        box.valueProperty().bindBidirectional(value);
        return box;
    }

    /** @param cells how the column shows its text: {@link Columns#text}, or {@link Columns#wrappedText} */
    private static TableColumn<TestAttemptRow, String> column(
            String title, double width, Function<TestAttemptRow, String> field,
            java.util.function.BiConsumer<TableColumn<TestAttemptRow, String>, Function<TestAttemptRow, String>> cells) {
        TableColumn<TestAttemptRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        cells.accept(c, field);
        return c;
    }
}
