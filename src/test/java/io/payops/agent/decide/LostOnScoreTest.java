package io.payops.agent.decide;

import io.payops.domain.Action;
import io.payops.domain.Candidate;
import io.payops.domain.Diagnosis;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue #18 item 5: a rejected alternative never reads "scored 0.000, below 0.000". */
class LostOnScoreTest {
    private static Candidate selected(double score) {
        return new Candidate(Action.noOp(), Diagnosis.GATEWAY_OUTAGE, 0, 0, 0, 0, 0, score, null);
    }

    @Test
    void aTieSaysItIsATieAndWhyTheOtherWasKept() {
        assertEquals("scored the same as do nothing (0.000), which was considered first",
                DecisionMaker.lostOnScore(0.0, selected(0.0)));
        assertEquals("scored the same as do nothing (0.000), which was considered first",
                DecisionMaker.lostOnScore(-0.0, selected(0.0)));
    }

    @Test
    void aGapTooSmallForThreeDecimalsIsShownWithAsManyAsItTakes() {
        assertEquals("scored 0.0001, below 0.0004 for do nothing", DecisionMaker.lostOnScore(0.0001, selected(0.0004)));
        assertEquals("scored -0.00002, below 0.00000 for do nothing",
                DecisionMaker.lostOnScore(-0.00002, selected(0.0)));
        assertEquals("scored 0.336, below 0.517 for do nothing", DecisionMaker.lostOnScore(0.336, selected(0.517)));
    }
}
