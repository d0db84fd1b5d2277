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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the agent has learnt, from {@code frame.step().learning()}: effectiveness per diagnosis × action and the
 * recent lessons, newest first. The engine republishes the same {@link LearningState} until a lesson is added, so the
 * tables are rebuilt only when the state changes, not on every pulse. The lessons list is as bounded as the state's
 * own recent list (the newest 50), each lesson once.
 *
 * <p>Sessions: the agent starts a session from the lessons of earlier ones (lessons.json, or a recording's meta), so
 * the session's first frame already carries them; lessons are only ever added at the front of the recent list, so
 * counting what each change adds there tells this session's lessons (the first ones) from the earlier ones (the rest).
 * An earlier lesson's time is on its own session's clock, and the session column says so. A lesson listed twice
 * within a group (lessons.json merged from two sessions) is shown once; one learnt here that is identical to an
 * earlier one (a seeded scenario run again) is one row marked "this + earlier". A replay's seek starts the same
 * session again (the same {@link SessionInfo}): this session's lessons are then counted from the totals.
 */
public final class LearningViewModel implements FrameListener {
    static final String NO_DATA = "—";
    /** The session column's words. */
    static final String THIS_SESSION = "this";
    static final String EARLIER = "earlier";
    static final String BOTH = "this + earlier";
    private static final String SEPARATOR = " × ";

    private final ObservableList<EffectivenessRow> effectiveness = FXCollections.observableArrayList();
    private final ObservableList<LessonRow> lessons = FXCollections.observableArrayList();
    private final ObservableList<EffectivenessRow> effectivenessView = FXCollections.unmodifiableObservableList(effectiveness);
    private final ObservableList<LessonRow> lessonsView = FXCollections.unmodifiableObservableList(lessons);
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(this, "total");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary",
            summaryOf(LearningState.EMPTY, 0, 0));
    private LearningState shown;
    private SessionInfo session;
    /** Whether this session's first frame was seen (its lessons are the earlier ones). */
    private boolean started;
    /** How many lessons the state held at the session's first frame. */
    private int totalAtStart;
    /** How many lessons this session has learnt so far. */
    private int learntHere;
    /** The recent list last looked at; null until the first frame after a (re)start. */
    private List<Lesson> previousRecent;

    @Override
    public void onSessionStart(SessionInfo next) {
        boolean seekInSameReplay = started && next == session && next != null && !next.live();
        if (!seekInSameReplay) {
            started = false;
            totalAtStart = 0;
            learntHere = 0;
        }
        session = next;
        shown = null;
        previousRecent = null;
        show(LearningState.EMPTY);
    }

    @Override
    public void onFrames(FrameBatch batch) {
        if (previousRecent == null) {
            LearningState first = batch.frames().get(0).step().learning();
            if (started) {
                // a seek: the frames since the start are not seen, the totals still tell how many were learnt
                learntHere = Math.max(0, first.total() - totalAtStart);
            } else {
                started = true;
                totalAtStart = first.total();
            }
            previousRecent = first.recent();
        }
        LearningState state = batch.latest().step().learning();
        if (state == shown || (shown != null && state.total() == shown.total()
                && state.recent().equals(shown.recent()))) {
            return;
        }
        learntHere += added(previousRecent, state.recent());
        previousRecent = state.recent();
        show(state);
    }

    /**
     * How many lessons are new at the front of {@code now}: the smallest shift at which {@code before} (newest first)
     * continues it. All of {@code now} when none does (more were added than the list holds).
     */
    static int added(List<Lesson> before, List<Lesson> now) {
        if (before.isEmpty()) {
            return now.size();
        }
        for (int k = 0; k < now.size(); k++) {
            int n = Math.min(before.size(), now.size() - k);
            if (now.subList(k, k + n).equals(before.subList(0, n))) {
                return k;
            }
        }
        return now.size();
    }

    private void show(LearningState state) {
        shown = state;
        effectiveness.setAll(effectivenessRows(state.effectiveness()));
        List<Lesson> recent = state.recent();
        int here = Math.min(learntHere, recent.size());
        Set<Lesson> thisSession = new LinkedHashSet<>(recent.subList(0, here));
        Set<Lesson> earlier = new LinkedHashSet<>(recent.subList(here, recent.size()));
        List<LessonRow> rows = new ArrayList<>(thisSession.size() + earlier.size());
        for (Lesson l : thisSession) {
            rows.add(lessonRow(l, false, earlier.contains(l) ? BOTH : THIS_SESSION));
        }
        for (Lesson l : earlier) {
            if (!thisSession.contains(l)) {
                rows.add(lessonRow(l, true, EARLIER));
            }
        }
        lessons.setAll(rows);
        total.set(state.total());
        summary.set(summaryOf(state, Math.min(learntHere, state.total()), recent.size() - rows.size()));
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

    private static LessonRow lessonRow(Lesson l, boolean earlier, String session) {
        double at = l.atMillis() / 1000.0;
        return new LessonRow(at, String.format(Locale.ROOT, "%.0f s", at), earlier, session,
                l.situation(), l.diagnosis().key(),
                l.action().key(), l.outcome(), l.outcome().key(),
                percentOrNone(l.successBefore()) + " → " + percentOrNone(l.successAfter()),
                l.controlBefore() == null || l.controlAfter() == null ? ""
                        : percentOrNone(l.controlBefore()) + " → " + percentOrNone(l.controlAfter()),
                l.samplesAfter());
    }

    /**
     * "3 lessons", or "3 lessons this session, 12 from earlier sessions (newest 15 listed)" when the agent started
     * from earlier ones; repeated lessons are listed once, and the line says how many.
     */
    private static String summaryOf(LearningState state, int thisSession, int repeats) {
        if (state.total() == 0) {
            return "No lessons yet: an executed action becomes a lesson once its effect has been measured.";
        }
        int fromEarlier = state.total() - thisSession;
        String words = fromEarlier == 0 ? lessons(state.total())
                : lessons(thisSession) + " this session, " + fromEarlier + " from earlier sessions";
        if (state.recent().size() < state.total()) {
            words += " (newest " + (state.recent().size() - repeats) + " listed)";
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
