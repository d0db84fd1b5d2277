package io.payops.agent.learn;

import io.payops.agent.AgentConfig;
import io.payops.domain.ActionType;
import io.payops.domain.ApprovalMode;
import io.payops.domain.Diagnosis;
import io.payops.domain.Lesson;
import io.payops.domain.Outcome;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LessonStoreTest {
    /** The agent's bound on what lessons may add to or take from a decision's confidence. */
    private static final double MAX = AgentConfig.defaults(ApprovalMode.MANUAL).decision().maxLessonAdjustment();

    private static Lesson lesson(Outcome o, long at) {
        return new Lesson("gateway_outage on gateway", Diagnosis.GATEWAY_OUTAGE, ActionType.OPEN_CIRCUIT, o, 0.6, 0.95, 500, at);
    }

    @Test
    void adjustmentIsBoundedByPointTwoEitherWayAndCautiousWithFewLessons() {
        LessonStore store = new LessonStore();
        assertEquals(0, store.adjustment(Diagnosis.GATEWAY_OUTAGE, ActionType.OPEN_CIRCUIT, MAX));
        store.add(lesson(Outcome.HELPED, 1));
        assertEquals(0.2 / 3, store.adjustment(Diagnosis.GATEWAY_OUTAGE, ActionType.OPEN_CIRCUIT, MAX), 1e-12);
        for (int i = 0; i < 1000; i++) {
            store.add(lesson(Outcome.HELPED, i));
        }
        double up = store.adjustment(Diagnosis.GATEWAY_OUTAGE, ActionType.OPEN_CIRCUIT, MAX);
        assertTrue(up > 0.19 && up <= MAX, "" + up);
        LessonStore bad = new LessonStore();
        for (int i = 0; i < 1000; i++) {
            bad.add(lesson(Outcome.HURT, i));
        }
        double down = bad.adjustment(Diagnosis.GATEWAY_OUTAGE, ActionType.OPEN_CIRCUIT, MAX);
        assertTrue(down < -0.19 && down >= -MAX, "" + down);
        assertEquals(500, bad.lessons().size(), "bounded");
    }

    @Test
    void inconclusiveLessonsTeachNothing() {
        LessonStore store = new LessonStore(List.of(lesson(Outcome.INCONCLUSIVE, 1), lesson(Outcome.INCONCLUSIVE, 2)));
        assertFalse(store.hasLesson(Diagnosis.GATEWAY_OUTAGE, ActionType.OPEN_CIRCUIT));
        assertEquals(0, store.adjustment(Diagnosis.GATEWAY_OUTAGE, ActionType.OPEN_CIRCUIT, MAX));
        assertEquals(2, store.effectiveness().get("gateway_outage × open_circuit").get(Outcome.INCONCLUSIVE));
        assertEquals(2, store.recent(5).get(0).atMillis(), "newest first");
    }
}
