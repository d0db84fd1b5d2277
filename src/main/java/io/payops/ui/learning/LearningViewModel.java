package io.payops.ui.learning;

import io.payops.domain.LearningState;
import io.payops.domain.Lesson;
import io.payops.domain.Outcome;
import io.payops.ui.fx.FrameBatch;
import io.payops.ui.fx.FrameListener;
import io.payops.ui.fx.SessionInfo;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the agent has learnt, from {@code frame.step().learning()}: effectiveness per diagnosis × action and the
 * recent lessons, newest first. The engine republishes the same {@link LearningState} until a lesson is added, so the
 * tables are rebuilt only when the state changes (identity, then total), not on every pulse. The lessons list is as
 * bounded as the state's own recent list (the newest 50).
 */
public final class LearningViewModel implements FrameListener {
    static final String NO_DATA = "—";
    private static final String SEPARATOR = " × ";

    private final ObservableList<EffectivenessRow> effectiveness = FXCollections.observableArrayList();
    private final ObservableList<LessonRow> lessons = FXCollections.observableArrayList();
    private final ObservableList<EffectivenessRow> effectivenessView = FXCollections.unmodifiableObservableList(effectiveness);
    private final ObservableList<LessonRow> lessonsView = FXCollections.unmodifiableObservableList(lessons);
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(this, "total");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", summaryOf(LearningState.EMPTY));
    private LearningState shown;

    @Override
    public void onSessionStart(SessionInfo session) {
        shown = null;
        show(LearningState.EMPTY);
    }

    @Override
    public void onFrames(FrameBatch batch) {
        LearningState state = batch.latest().step().learning();
        if (state == shown || (shown != null && state.total() == shown.total())) {
            return;
        }
        show(state);
    }

    private void show(LearningState state) {
        shown = state;
        effectiveness.setAll(effectivenessRows(state.effectiveness()));
        List<LessonRow> rows = new ArrayList<>(state.recent().size());
        for (Lesson l : state.recent()) {
            rows.add(lessonRow(l));
        }
        lessons.setAll(rows);
        total.set(state.total());
        summary.set(summaryOf(state));
    }

    private static List<EffectivenessRow> effectivenessRows(Map<String, Map<Outcome, Integer>> byKey) {
        List<EffectivenessRow> rows = new ArrayList<>();
        for (Map.Entry<String, Map<Outcome, Integer>> e : new TreeMap<>(byKey).entrySet()) {
            Map<Outcome, Integer> counts = e.getValue();
            int helped = counts.getOrDefault(Outcome.HELPED, 0);
            int hurt = counts.getOrDefault(Outcome.HURT, 0);
            int neutral = counts.getOrDefault(Outcome.NEUTRAL, 0);
            int inconclusive = counts.getOrDefault(Outcome.INCONCLUSIVE, 0);
            int judged = helped + hurt + neutral;
            double share = judged == 0 ? Double.NaN : (double) helped / judged;
            String key = e.getKey();
            int cut = key.indexOf(SEPARATOR);
            String diagnosis = cut < 0 ? key : key.substring(0, cut);
            String action = cut < 0 ? "" : key.substring(cut + SEPARATOR.length());
            rows.add(new EffectivenessRow(key, diagnosis, action, helped, hurt, neutral, inconclusive, share,
                    judged == 0 ? NO_DATA : percent(share, 0)));
        }
        return rows;
    }

    private static LessonRow lessonRow(Lesson l) {
        double at = l.atMillis() / 1000.0;
        return new LessonRow(at, String.format(Locale.ROOT, "%.0f s", at), l.situation(), l.diagnosis().key(),
                l.action().key(), l.outcome(), l.outcome().key(),
                percentOrNone(l.successBefore()) + " → " + percentOrNone(l.successAfter()),
                l.controlBefore() == null || l.controlAfter() == null ? ""
                        : percentOrNone(l.controlBefore()) + " → " + percentOrNone(l.controlAfter()),
                l.samplesAfter());
    }

    private static String summaryOf(LearningState state) {
        if (state.total() == 0) {
            return "No lessons yet: an executed action becomes a lesson once its effect has been measured.";
        }
        String lessonsWord = state.total() == 1 ? "1 lesson" : state.total() + " lessons";
        return state.recent().size() < state.total()
                ? lessonsWord + " (newest " + state.recent().size() + " listed)"
                : lessonsWord;
    }

    private static String percentOrNone(double share) {
        return Double.isNaN(share) ? NO_DATA : percent(share, 1);
    }

    private static String percent(double share, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f%%", share * 100);
    }

    /** Effectiveness per diagnosis × action, sorted by that key; replaced when the learning state changes. */
    public ObservableList<EffectivenessRow> effectiveness() {
        return effectivenessView;
    }

    /** The recent lessons, newest first (at most what the state carries, 50). */
    public ObservableList<LessonRow> lessons() {
        return lessonsView;
    }

    /** How many lessons the agent has learnt in all (may exceed the rows listed). */
    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** A line for the header, e.g. "12 lessons" or why there are none yet. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
