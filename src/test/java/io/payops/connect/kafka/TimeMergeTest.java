package io.payops.connect.kafka;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimeMergeTest {
    private static TimeMerge.Held at(int partition, long offset, long time) {
        return new TimeMerge.Held(partition, offset, time, time, new byte[0]);
    }

    private static List<Long> released(TimeMerge m, boolean all) {
        List<Long> out = new ArrayList<>();
        m.release(all, h -> out.add(h.eventTime));
        return out;
    }

    @Test
    void aPartitionWithABacklogHoldsTheMergeUntilItCatchesUp() {
        TimeMerge m = new TimeMerge();
        m.assign(List.of(0, 1));
        m.add(at(0, 0, 1_000));
        m.add(at(0, 1, 50_000));
        // partition 1 has not brought anything and is not at its end: nothing can go, however old partition 0's are
        assertEquals(List.of(), released(m, false));
        m.add(at(1, 0, 2_000));
        m.add(at(1, 1, 60_000));
        assertEquals(List.of(1_000L, 2_000L, 50_000L), released(m, false));
        assertEquals(0, m.late());
    }

    @Test
    void aCaughtUpPartitionHoldsTheMergeAtMostTheLatenessBehindTheNewest() {
        TimeMerge m = new TimeMerge();
        m.assign(List.of(0, 1));
        m.caughtUp(Set.of(1));
        m.add(at(0, 0, 10_000));
        m.add(at(0, 1, 11_000));
        m.add(at(0, 2, 10_000 + TimeMerge.LATENESS_MILLIS + 500));
        assertEquals(List.of(10_000L), released(m, false));
        // partition 1 brings a record older than one released: late, counted, and still released (never dropped)
        m.add(at(1, 0, 9_000));
        assertEquals(1, m.late());
        assertEquals(List.of(9_000L), released(m, false), "11 s is within the lateness of the newest (12.5 s)");
        assertEquals(List.of(11_000L, 10_000L + TimeMerge.LATENESS_MILLIS + 500), released(m, true));
        assertEquals(0, m.size());
    }

    @Test
    void eachPartitionKeepsItsOffsetOrderSoWhatIsReadOfItIsAPrefix() {
        TimeMerge m = new TimeMerge();
        m.assign(List.of(0));
        m.add(at(0, 0, 5_000));
        m.add(at(0, 1, 4_000));
        List<Long> offsets = new ArrayList<>();
        m.release(true, h -> offsets.add(h.offset));
        assertEquals(List.of(0L, 1L), offsets);
    }
}
