package io.payops.ui.gateways;

import io.payops.sim.GatewayProfile;
import io.payops.sim.World;
import io.payops.ui.fx.FrameBatch;
import io.payops.ui.fx.FrameListener;
import io.payops.ui.fx.SessionInfo;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

/**
 * The gateway cards: one {@link GatewayCardViewModel} per gateway of the session's world, made on
 * {@link #onSessionStart} (so a new session starts from clean cards) and fed every batch of frames.
 */
public final class GatewaysViewModel implements FrameListener {
    public static final String RECOMMENDED_ROUTING = "Recommended routing — open loop: nothing is applied";
    public static final String RECOMMENDED_ROUTING_WHY = "The traffic comes from an event log: those payments "
            + "happened already, so the weights and circuits on these cards are what the agent recommends, not what "
            + "the traffic was routed by";

    private final ObservableList<GatewayCardViewModel> cards = FXCollections.observableArrayList();
    private final ObservableList<GatewayCardViewModel> cardsView = FXCollections.unmodifiableObservableList(cards);
    private final ReadOnlyStringWrapper routingNote = new ReadOnlyStringWrapper(this, "routingNote", "");

    @Override
    public void onSessionStart(SessionInfo session) {
        World world = session.world();
        double total = world.gateways().stream().mapToDouble(GatewayProfile::weight).sum();
        List<GatewayCardViewModel> fresh = new ArrayList<>();
        for (GatewayProfile g : world.gateways()) {
            fresh.add(new GatewayCardViewModel(g.name(), total <= 0 ? 0 : g.weight() / total));
        }
        cards.setAll(fresh);
        routingNote.set(session.openLoop() ? RECOMMENDED_ROUTING : "");
    }

    /** Empty for simulated traffic; over an event log, {@link #RECOMMENDED_ROUTING}. */
    public ReadOnlyStringProperty routingNoteProperty() {
        return routingNote.getReadOnlyProperty();
    }

    @Override
    public void onFrames(FrameBatch batch) {
        for (GatewayCardViewModel card : cards) {
            card.apply(batch);
        }
    }

    /** The cards in the world's gateway order; replaced only when a session starts. */
    public ObservableList<GatewayCardViewModel> cards() {
        return cardsView;
    }

    /** The card of one gateway, or null when the session has no such gateway. */
    public GatewayCardViewModel card(String gateway) {
        for (GatewayCardViewModel c : cards) {
            if (c.gateway().equals(gateway)) {
                return c;
            }
        }
        return null;
    }
}
