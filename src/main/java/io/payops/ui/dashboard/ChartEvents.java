package io.payops.ui.dashboard;

import io.payops.domain.ActionRecord;
import io.payops.domain.ActionStatus;
import io.payops.domain.Approval;
import io.payops.domain.Frame;
import io.payops.domain.Incident;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the time charts draw over their lines: incident bands (from each frame's open incidents; an incident that
 * leaves the open list is closed at that frame's time) and markers for routing changes executed and rolled back
 * (from the action records, which are republished whenever they change: only the first EXECUTED and the first
 * ROLLED_BACK version of each make a marker). Bounded like the points: what ended before the cutoff is dropped.
 */
final class ChartEvents {
    static final int MAX_BANDS = 64;
    static final int MAX_MARKERS = 256;
    /** How many action (id, status) pairs are remembered so a republished record adds no second marker. */
    static final int MAX_REMEMBERED_ACTIONS = 4_096;

    private final ObservableList<IncidentBand> incidentBands = FXCollections.observableArrayList();
    private final ObservableList<ActionMarker> actionMarkers = FXCollections.observableArrayList();
    private final ObservableList<IncidentBand> incidentBandsView =
            FXCollections.unmodifiableObservableList(incidentBands);
    private final ObservableList<ActionMarker> actionMarkersView =
            FXCollections.unmodifiableObservableList(actionMarkers);
    /** Bands by incident id, in the order incidents were first seen. */
    private final Map<Long, IncidentBand> bands = new LinkedHashMap<>();
    private final Map<Long, String> bandLabels = new HashMap<>();
    private final List<ActionMarker> markers = new ArrayList<>();
    /** The open incidents of the last frame followed, and its time. */
    private List<Incident> lastIncidents = List.of();
    private double lastSeconds;
    private final Set<String> markedActions = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_REMEMBERED_ACTIONS;
        }
    });

    ObservableList<IncidentBand> incidentBands() {
        return incidentBandsView;
    }

    ObservableList<ActionMarker> actionMarkers() {
        return actionMarkersView;
    }

    /** Follows the incidents and action records of one frame. */
    void follow(Frame f) {
        followIncidents(f);
        markActions(f);
    }

    private void followIncidents(Frame f) {
        double now = f.simSeconds();
        List<Incident> incidents = f.step().incidents();
        if (incidents.equals(lastIncidents)) {
            // nothing opened, closed or changed: only the open bands' end moves, which publish() sets (a replay's
            // seek feeds an hour of such frames at once)
            lastSeconds = now;
            return;
        }
        lastIncidents = incidents;
        lastSeconds = now;
        Set<Long> open = new HashSet<>();
        for (Incident i : f.step().incidents()) {
            open.add(i.id());
            IncidentBand was = bands.get(i.id());
            double start = was != null ? was.startSeconds() : i.openedAtMillis() / 1000.0;
            String what = "Incident " + i.id() + ": " + i.diagnosis().key() + " on " + i.target();
            // an open band's tooltip does not name its end: while its label stands, only the end moves
            String description = was != null && was.open() && what.equals(bandLabels.get(i.id()))
                    ? was.description() : describe(what, start, now, true);
            bandLabels.put(i.id(), what);
            bands.put(i.id(), new IncidentBand(i.id(), start, now, true, description));
        }
        for (Map.Entry<Long, IncidentBand> e : bands.entrySet()) {
            IncidentBand b = e.getValue();
            if (b.open() && !open.contains(b.incidentId())) {
                e.setValue(new IncidentBand(b.incidentId(), b.startSeconds(), now, false,
                        describe(bandLabels.get(b.incidentId()), b.startSeconds(), now, false)));
            }
        }
    }

    private static String describe(String what, double start, double end, boolean open) {
        return what + "\nopened " + DashboardFormat.clock(start)
                + (open ? ", still open" : ", closed " + DashboardFormat.clock(end));
    }

    private void markActions(Frame f) {
        for (ActionRecord a : f.step().actions()) {
            ActionMarker.Kind kind = a.status() == ActionStatus.EXECUTED ? ActionMarker.Kind.EXECUTED
                    : a.status() == ActionStatus.ROLLED_BACK ? ActionMarker.Kind.ROLLED_BACK : null;
            // A record is republished whenever it changes (an outcome, say): only its first EXECUTED and first
            // ROLLED_BACK version make a marker, at the time that status was reached.
            if (kind == null || !a.action().type().changesRouting() || !markedActions.add(a.id() + ":" + kind)) {
                continue;
            }
            double at = a.updatedAtMillis() / 1000.0;
            markers.add(new ActionMarker(a.id(), at, kind, describe(a, kind, at), label(a, kind)));
        }
    }

    /** A word or two for the marker itself: "shift stripe", "open stripe", "undo close adyen", "retries". */
    static String label(ActionRecord a, ActionMarker.Kind kind) {
        String verb = switch (a.action().type()) {
            case SHIFT_TRAFFIC -> "shift";
            case OPEN_CIRCUIT -> "open";
            case CLOSE_CIRCUIT -> "close";
            case ADJUST_RETRY_POLICY -> "retries";
            default -> a.action().type().key();
        };
        String gateway = a.action().target() == null ? null : a.action().target().get(io.payops.domain.Dimension.GATEWAY);
        String what = gateway == null || a.action().type() == io.payops.domain.ActionType.ADJUST_RETRY_POLICY
                ? verb : verb + " " + gateway;
        return kind == ActionMarker.Kind.ROLLED_BACK ? "undo " + what : what;
    }

    private static String describe(ActionRecord a, ActionMarker.Kind kind, double at) {
        StringBuilder text = new StringBuilder(DashboardFormat.clock(at))
                .append(kind == ActionMarker.Kind.EXECUTED ? " executed: " : " rolled back: ")
                .append(a.action().describe());
        if (a.recovery()) {
            text.append(" (recovery, its fault is over)");
        }
        if (a.approval() != null && a.approval() != Approval.NONE) {
            text.append("\napproval: ").append(a.approval().key());
        }
        if (kind == ActionMarker.Kind.ROLLED_BACK && a.note() != null && !a.note().isBlank()) {
            text.append("\n").append(a.note());
        }
        return text.toString();
    }

    /** Drops what ended before {@code cutoff} and updates the observable lists, once per batch. */
    void publish(double cutoff) {
        publishBands(cutoff);
        publishMarkers(cutoff);
    }

    void clear() {
        incidentBands.clear();
        actionMarkers.clear();
        bands.clear();
        bandLabels.clear();
        markers.clear();
        markedActions.clear();
        lastIncidents = List.of();
        lastSeconds = 0;
    }

    private void publishBands(double cutoff) {
        for (Map.Entry<Long, IncidentBand> e : bands.entrySet()) {
            IncidentBand b = e.getValue();
            if (b.open() && b.endSeconds() != lastSeconds) {
                e.setValue(new IncidentBand(b.incidentId(), b.startSeconds(), lastSeconds, true, b.description()));
            }
        }
        bands.values().removeIf(b -> b.endSeconds() < cutoff);
        while (bands.size() > MAX_BANDS) {
            bands.remove(bands.keySet().iterator().next());
        }
        bandLabels.keySet().retainAll(bands.keySet());
        List<IncidentBand> wanted = new ArrayList<>(bands.values());
        if (wanted.size() == incidentBands.size()) {
            for (int i = 0; i < wanted.size(); i++) {
                if (!wanted.get(i).equals(incidentBands.get(i))) {
                    incidentBands.set(i, wanted.get(i));
                }
            }
        } else {
            incidentBands.setAll(wanted);
        }
    }

    private void publishMarkers(double cutoff) {
        markers.removeIf(m -> m.atSeconds() < cutoff);
        while (markers.size() > MAX_MARKERS) {
            markers.remove(0);
        }
        // Markers leave from the head and join at the tail: drop the ones gone, append the new ones.
        int gone = 0;
        while (gone < actionMarkers.size() && !markers.contains(actionMarkers.get(gone))) {
            gone++;
        }
        if (gone > 0) {
            actionMarkers.remove(0, gone);
        }
        int kept = actionMarkers.size();
        if (kept <= markers.size() && actionMarkers.equals(markers.subList(0, kept))) {
            if (kept < markers.size()) {
                actionMarkers.addAll(markers.subList(kept, markers.size()));
            }
        } else {
            actionMarkers.setAll(markers);
        }
    }
}
