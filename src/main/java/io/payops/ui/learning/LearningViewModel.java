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
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the agent has learnt, from {@code frame.step().learning()}: effectiveness per diagnosis × action and the
 * recent lessons, newest first. The engine republishes the same {@link LearningState} until a lesson is added, so the
 * tables are rebuilt only when the state changes (identity, then total), not on every pulse. The lessons list is as
 * bounded as the state's own recent list (the newest 50), each lesson once.
 *
 * <p>Sessions: the agent starts a session from the lessons of earlier ones (lessons.json, or a recording's meta), so
 * the session's first frame already carries them, and no lesson can be learnt in the first tick (it needs an action
 * and seconds of traffic after it). Those are marked earlier, and so is any lesson timed after the frame shown (its
 * time is another session's clock). A replay's seek starts the same session again (the same {@link SessionInfo}):
 * the lessons it started with stay marked.
 */
public final class LearningViewModel implements FrameListener {
    static final String NO_DATA = "—";
    /** The session column's words. */
    static final String THIS_SESSION = "this";
    static final String EARLIER = "earlier";
    private static final String SEPARATOR = " × ";

    private final ObservableList<EffectivenessRow> effectiveness = FXCollections.observableArrayList();
    private final ObservableList<LessonRow> lessons = FXCollections.observableArrayList();
    private final ObservableList<EffectivenessRow> effectivenessView = FXCollections.unmodifiableObservableList(effectiveness);
    private final ObservableList<LessonRow> lessonsView = FXCollections.unmodifiableObservableList(lessons);
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(this, "total");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary",
            summaryOf(LearningState.EMPTY, 0, 0, 0));
    private LearningState shown;
    private SessionInfo session;
    /** The lessons the session started with, as its first frame carried them; null until that frame. */
    private Set<Lesson> earlier;
    private int totalAtStart;

    @Override
    public void onSessionStart(SessionInfo next) {
        boolean seekInSameReplay = next == session && next != null && !next.live();
        if (!seekInSameReplay) {
            earlier = null;
            totalAtStart = 0;
        }
        session = next;
        shown = null;
        show(LearningState.EMPTY, Long.MAX_VALUE);
    }

    @Override
    public void onFrames(FrameBatch batch) {
        if (earlier == null) {
            LearningState first = batch.frames().get(0).step().learning();
            earlier = new HashSet<>(first.recent());
            totalAtStart = first.total();
        }
        LearningState state = batch.latest().step().learning();
        if (state == shown || (shown != null && state.total() == shown.total())) {
            return;
        }
        show(state, batch.latest().simMillis());
    }

    private void show(LearningState state, long nowMillis) {
        shown = state;
        effectiveness.setAll(effectivenessRows(state.effectiveness()));
        // a lesson can reach the list twice (lessons.json merged from two sessions): each is shown once
        Set<Lesson> distinct = new LinkedHashSet<>(state.recent());
        List<LessonRow> rows = new ArrayList<>(distinct.size());
        int fromEarlier = 0;
        for (Lesson l : distinct) {
            boolean old = (earlier != null && earlier.contains(l)) || l.atMillis() > nowMillis;
            fromEarlier += old ? 1 : 0;
            rows.add(lessonRow(l, old));
        }
        lessons.setAll(rows);
        total.set(state.total());
        summary.set(summaryOf(state, Math.max(0, state.total() - totalAtStart), state.recent().size() - distinct.size(),
                fromEarlier));
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

    private static LessonRow lessonRow(Lesson l, boolean earlier) {
        double at = l.atMillis() / 1000.0;
        return new LessonRow(at, String.format(Locale.ROOT, "%.0f s", at), earlier, earlier ? EARLIER : THIS_SESSION,
                l.situation(), l.diagnosis().key(),
                l.action().key(), l.outcome(), l.outcome().key(),
                percentOrNone(l.successBefore()) + " → " + percentOrNone(l.successAfter()),
                l.controlBefore() == null || l.controlAfter() == null ? ""
                        : percentOrNone(l.controlBefore()) + " → " + percentOrNone(l.controlAfter()),
                l.samplesAfter());
    }

    /**
     * "3 lessons", or "3 lessons this session, 12 from earlier sessions (newest 15 listed)" when the agent started
     * from earlier ones.
     */
    private static String summaryOf(LearningState state, int thisSession, int repeats, int earlierListed) {
        if (state.total() == 0) {
            return "No lessons yet: an executed action becomes a lesson once its effect has been measured.";
        }
        // lessons timed after "now" are another session's even when the first frame did not say so (a seek)
        int fromEarlier = Math.max(state.total() - thisSession, earlierListed);
        thisSession = state.total() - fromEarlier;
        String words = fromEarlier == 0 && earlierListed == 0 ? lessons(state.total())
                : lessons(thisSession) + " this session, " + fromEarlier + " from earlier sessions";
        int listed = state.recent().size() - repeats;
        if (state.recent().size() < state.total()) {
            words += " (newest " + listed + " listed)";
        }
        if (repeats > 0) {
            words += "; " + repeats + (repeats == 1 ? " repeated lesson is" : " repeated lessons are") + " listed once";
        }
        return words;
    }

    private static String lessons(int n) {
        return n == 1 ? "1 lesson" : n + " lessons";
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
