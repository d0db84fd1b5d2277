package io.payops.agent.learn;

import io.payops.domain.ActionType;
import io.payops.domain.Diagnosis;
import io.payops.domain.LearningState;
import io.payops.domain.Lesson;
import io.payops.domain.Outcome;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the agent has learnt: a bounded list of lessons and, per diagnosis × action, how often the action helped,
 * hurt, did nothing or could not be judged. Later decisions get a bounded confidence adjustment from it (at most
 * ±AgentConfig.Decision#maxLessonAdjustment).
 */
public final class LessonStore {
    private static final int MAX_LESSONS = 500;
    private static final int STATE_RECENT = 50;

    private final Deque<Lesson> lessons = new ArrayDeque<>();
    private final Map<String, EnumMap<Outcome, Integer>> effectiveness = new LinkedHashMap<>();
    private LearningState state;

    public LessonStore() {
    }

    /** Starts from lessons learnt before (e.g. loaded from state/lessons.json). */
    public LessonStore(List<Lesson> earlier) {
        earlier.forEach(this::add);
    }

    public void add(Lesson lesson) {
        state = null;
        lessons.addLast(lesson);
        if (lessons.size() > MAX_LESSONS) {
            lessons.removeFirst();
        }
        effectiveness.computeIfAbsent(key(lesson.diagnosis(), lesson.action()), k -> new EnumMap<>(Outcome.class))
                .merge(lesson.outcome(), 1, Integer::sum);
    }

    /** An immutable picture for the frames; rebuilt only after a new lesson, so every tick can carry it. */
    public LearningState state() {
        LearningState s = state;
        if (s == null) {
            s = new LearningState(recent(STATE_RECENT), effectiveness(), lessons.size());
            state = s;
        }
        return s;
    }

    public List<Lesson> lessons() {
        return new ArrayList<>(lessons);
    }

    /** The newest lessons first, at most {@code n}. */
    public List<Lesson> recent(int n) {
        List<Lesson> out = new ArrayList<>();
        var it = lessons.descendingIterator();
        while (it.hasNext() && out.size() < n) {
            out.add(it.next());
        }
        return out;
    }

    public boolean hasLesson(Diagnosis d, ActionType a) {
        EnumMap<Outcome, Integer> m = effectiveness.get(key(d, a));
        return m != null && (m.getOrDefault(Outcome.HELPED, 0) + m.getOrDefault(Outcome.HURT, 0)
                + m.getOrDefault(Outcome.NEUTRAL, 0)) > 0;
    }

    /** +max × (helped − hurt) / (judged + 2): bounded by ±max, and cautious while there are few lessons. */
    public double adjustment(Diagnosis d, ActionType a, double max) {
        EnumMap<Outcome, Integer> m = effectiveness.get(key(d, a));
        if (m == null) {
            return 0;
        }
        int helped = m.getOrDefault(Outcome.HELPED, 0);
        int hurt = m.getOrDefault(Outcome.HURT, 0);
        int neutral = m.getOrDefault(Outcome.NEUTRAL, 0);
        return max * (helped - hurt) / (double) (helped + hurt + neutral + 2);
    }

    /** Effectiveness per "diagnosis × action": outcome counts. */
    public Map<String, Map<Outcome, Integer>> effectiveness() {
        Map<String, Map<Outcome, Integer>> out = new LinkedHashMap<>();
        effectiveness.forEach((k, v) -> out.put(k, Map.copyOf(v)));
        return out;
    }

    private static String key(Diagnosis d, ActionType a) {
        return d.key() + " × " + a.key();
    }
}
