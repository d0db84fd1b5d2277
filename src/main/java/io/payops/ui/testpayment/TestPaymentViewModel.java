package io.payops.ui.testpayment;

import io.payops.domain.Command;
import io.payops.domain.Dimension;
import io.payops.domain.Frame;
import io.payops.domain.TestPayment;
import io.payops.sim.MerchantProfile;
import io.payops.sim.World;
import io.payops.ui.fx.CommandSink;
import io.payops.ui.fx.FrameBatch;
import io.payops.ui.fx.FrameListener;
import io.payops.ui.fx.SessionInfo;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tools → Send a test payment…: the payment's merchant, method, issuer, network and amount, the command that sends
 * it through the live routing, and what happened to it, attempt by attempt, from the frames that carry it. Only a
 * live simulated session can take one: a replay shows recorded traffic and an event log's payments happened already.
 * FX thread only.
 */
public final class TestPaymentViewModel implements FrameListener {
    private final CommandSink commands;
    private final ObservableList<String> merchants = FXCollections.observableArrayList();
    private final ObservableList<String> methods = FXCollections.observableArrayList();
    private final ObservableList<String> issuers = FXCollections.observableArrayList();
    private final ObservableList<String> networks = FXCollections.observableArrayList();
    private final StringProperty merchant = new SimpleStringProperty();
    private final StringProperty method = new SimpleStringProperty();
    private final StringProperty issuer = new SimpleStringProperty();
    private final StringProperty network = new SimpleStringProperty();
    private final StringProperty amount = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper currency = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper refused = new ReadOnlyBooleanWrapper();
    private final ObservableList<TestAttemptRow> attempts = FXCollections.observableArrayList();
    private World world;
    /** The id of the payment last sent, whose attempts the table shows; null before the first. */
    private String pending;
    private int sent;

    public TestPaymentViewModel(CommandSink commands) {
        this.commands = commands;
        merchant.addListener((o, a, b) -> merchantChosen(b));
    }

    @Override
    public void onSessionStart(SessionInfo session) {
        world = session.world();
        pending = null;
        attempts.clear();
        result.set("");
        refused.set(false);
        if (!session.live()) {
            close("A replay shows recorded traffic: test payments go through a live session only.");
        } else if (session.openLoop()) {
            close("This session reads an event log, whose payments have already happened: "
                    + "a test payment needs simulated traffic.");
        } else {
            available.set(true);
            message.set("");
        }
        merchants.setAll(world.names(Dimension.MERCHANT));
        methods.setAll(world.names(Dimension.METHOD));
        issuers.setAll(world.names(Dimension.ISSUER));
        networks.setAll(world.names(Dimension.NETWORK));
        issuer.set(first(issuers));
        network.set(first(networks));
        merchant.set(null);
        merchant.set(first(merchants));
    }

    private void close(String why) {
        available.set(false);
        message.set(why);
    }

    /** A merchant brings its currency, its most used method and its typical amount. */
    private void merchantChosen(String name) {
        MerchantProfile m = world == null || name == null ? null : world.merchants().stream()
                .filter(p -> p.name().equals(name)).findFirst().orElse(null);
        if (m == null) {
            return;
        }
        currency.set(m.currency());
        amount.set(String.format(Locale.ROOT, "%.2f", m.avgAmount()));
        m.methodMix().entrySet().stream().filter(e -> methods.contains(e.getKey()))
                .max(Comparator.comparingDouble(Map.Entry::getValue))
                .ifPresent(e -> method.set(e.getKey()));
        if (method.get() == null) {
            method.set(first(methods));
        }
    }

    /** Sends the payment; false (with the reason in {@link #messageProperty()}) when it cannot be sent. */
    public boolean send() {
        if (!available.get()) {
            return false;
        }
        double value;
        try {
            value = Double.parseDouble(amount.get().trim());
        } catch (NumberFormatException | NullPointerException e) {
            value = Double.NaN;
        }
        if (!(value > 0) || !Double.isFinite(value)) {
            message.set("The amount must be a positive number, e.g. 120.00");
            return false;
        }
        if (merchant.get() == null || method.get() == null || issuer.get() == null || network.get() == null) {
            message.set("Choose a merchant, method, issuer and network");
            return false;
        }
        pending = "test-" + (++sent);
        attempts.clear();
        refused.set(false);
        result.set("");
        message.set("Test payment " + pending + " sent: it goes through at the engine's next tick "
                + "(if the session is paused, when you press Play).");
        commands.submit(new Command.SendTestPayment(pending, merchant.get(), method.get(), issuer.get(),
                network.get(), value));
        return true;
    }

    @Override
    public void onFrames(FrameBatch batch) {
        if (pending == null) {
            return;
        }
        for (Frame f : batch.frames()) {
            for (Command c : f.commands()) {
                if (c instanceof Command.SendTestPayment p && pending.equals(p.testId())
                        && f.testPayments().stream().noneMatch(t -> pending.equals(t.id()))) {
                    refused.set(true);
                    message.set("The engine refused test payment " + pending + ": "
                            + String.join("; ", refusals(f.commandErrors())));
                }
            }
            for (TestPayment t : f.testPayments()) {
                if (pending.equals(t.id())) {
                    show(t);
                }
            }
        }
    }

    private static List<String> refusals(List<String> errors) {
        List<String> mine = errors.stream().filter(e -> e.contains("test payment") || e.startsWith("SendTestPayment"))
                .toList();
        return mine.isEmpty() ? errors : mine;
    }

    private void show(TestPayment t) {
        attempts.setAll(t.attempts().stream().map(TestAttemptRow::of).toList());
        result.set(t.id() + " (" + t.describe() + ") " + t.result());
        message.set(t.finished() ? "Done: it is in the Timeline & audit tab as a test_payment row."
                : "Under way: retries follow the retry policy's backoff.");
    }

    private static String first(List<String> names) {
        return names.isEmpty() ? null : names.get(0);
    }

    public ObservableList<String> merchants() {
        return merchants;
    }

    public ObservableList<String> methods() {
        return methods;
    }

    public ObservableList<String> issuers() {
        return issuers;
    }

    public ObservableList<String> networks() {
        return networks;
    }

    public StringProperty merchantProperty() {
        return merchant;
    }

    public StringProperty methodProperty() {
        return method;
    }

    public StringProperty issuerProperty() {
        return issuer;
    }

    public StringProperty networkProperty() {
        return network;
    }

    public StringProperty amountProperty() {
        return amount;
    }

    public ReadOnlyStringProperty currencyProperty() {
        return currency.getReadOnlyProperty();
    }

    /** Whether this session can take a test payment (live, simulated). */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    /** What to do, what is happening, or why nothing can be sent. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The outcome of the payment last sent, once its first attempt is back. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty refusedProperty() {
        return refused.getReadOnlyProperty();
    }

    /** The attempt chain of the payment last sent. */
    public ObservableList<TestAttemptRow> attempts() {
        return FXCollections.unmodifiableObservableList(attempts);
    }
}
