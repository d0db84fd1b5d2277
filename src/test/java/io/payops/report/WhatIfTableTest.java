package io.payops.report;

import io.payops.domain.Frame;
import io.payops.engine.RunSettings;
import io.payops.run.ScenarioRunner;
import io.payops.run.WhatIf;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WhatIfTableTest {
    @Test
    void showsTheSummaryAndOnlyTheDifferingCycles() {
        Scenario s = ScenarioLoader.builtIn("stripe-outage").withSeed(7).withDuration(420);
        List<Frame> frames = new ArrayList<>();
        ScenarioRunner.run(s, RunSettings.of("agent"), null, frames::add);

        String same = WhatIfTable.format(WhatIf.run(frames, s.world(), WhatIfSettings.defaults()), false);
        assertTrue(same.contains(" 0 differ;"), same);
        assertTrue(same.contains("open loop"), same);
        assertTrue(!same.contains("recorded action"), "no table when nothing differs:\n" + same);

        WhatIfReport strict = WhatIf.run(frames, s.world(), WhatIfSettings.defaults().with("maxTrafficShift=0.05"));
        String table = WhatIfTable.format(strict, false);
        List<String> lines = table.lines().toList();
        assertTrue(lines.get(0).contains("maxTrafficShift=0.05"), lines.get(0));
        // the first cycle that differs is the agent's first routing decision, a few seconds into the outage
        long at = strict.summary().firstDifferenceMillis() / 1000;
        assertTrue(at > 300 && at < 310, "first difference at " + at + " s");
        assertTrue(lines.get(2).contains(strict.summary().differing() + " differ (first at " + at + " s)"), lines.get(2));
        long rowLines = lines.stream().filter(l -> l.matches("\\s+\\d+ .*")).count();
        assertEquals(strict.summary().differing(), rowLines);
        String first = lines.stream().filter(l -> l.matches("\\s+" + at + " .*")).findFirst().orElseThrow();
        assertTrue(first.contains("block") && first.contains("same action, different verdict"), first);
        int verdictColumn = lines.get(4).indexOf("verdict");
        assertTrue(first.startsWith("needs_approval", verdictColumn), "columns stay aligned:\n" + lines.get(4) + "\n" + first);

        long all = WhatIfTable.format(strict, true).lines().filter(l -> l.matches("\\s+\\d+ .*")).count();
        assertEquals(strict.summary().cyclesCompared(), all);
    }

    @Test
    void longTextIsCutWithAMark() {
        assertEquals("abc", WhatIfTable.fit("abc", 5));
        assertEquals("abcd…", WhatIfTable.fit("abcdefgh", 5));
    }
}
