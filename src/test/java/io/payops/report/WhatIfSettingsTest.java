package io.payops.report;

import io.payops.agent.AgentConfig;
import io.payops.common.Json;
import io.payops.domain.ApprovalMode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WhatIfSettingsTest {
    @Test
    void defaultsAreTheAgentsOwnConfiguration() {
        assertEquals(AgentConfig.defaults(ApprovalMode.DEFAULT_HEADLESS), WhatIfSettings.defaults().toConfig());
        assertEquals(AgentConfig.defaults(ApprovalMode.MANUAL), WhatIfSettings.defaults(ApprovalMode.MANUAL).toConfig());
    }

    @Test
    void assignmentsChangeOnlyTheirKnob() {
        WhatIfSettings s = WhatIfSettings.parse(WhatIfSettings.defaults(), List.of("minConfidenceToAct=0.95",
                " maxTrafficShift = 0.2", "volumeCapShare=0.3", "maxActiveActions=1", "cooldownSeconds=30",
                "approval=never"));
        AgentConfig c = s.toConfig();
        AgentConfig d = AgentConfig.defaults(ApprovalMode.DEFAULT_HEADLESS);
        assertEquals(0.95, c.guard().minConfidenceToAct());
        assertEquals(0.2, c.guard().maxTrafficShift());
        assertEquals(0.3, c.guard().volumeCapShare());
        assertEquals(1, c.guard().maxActiveActions());
        assertEquals(30, c.guard().cooldownSeconds());
        assertEquals(ApprovalMode.Kind.NEVER, c.approval().kind());
        assertEquals(d.cycleSeconds(), c.cycleSeconds());
        assertEquals(d.detection(), c.detection());
        assertEquals(d.decision(), c.decision());
        assertEquals(d.guard().approvalExpirySeconds(), c.guard().approvalExpirySeconds());
        assertEquals(d.guard().maxRetryMultiplier(), c.guard().maxRetryMultiplier());
        assertEquals(d.guard().interimMaxShare(), c.guard().interimMaxShare());
        assertEquals(d.withGuard(c.guard()).withApproval(c.approval()), c, "nothing outside the guard and approval");
    }

    @Test
    void textRoundTripsThroughWith() {
        WhatIfSettings s = WhatIfSettings.defaults().with("maxTrafficShift=0.125").with("approval=auto:30");
        WhatIfSettings back = WhatIfSettings.defaults();
        for (String k : WhatIfSettings.KEYS) {
            back = back.with(k, s.text(k));
        }
        assertEquals(s, back);
        assertEquals("0.125", s.text("maxTrafficShift"));
        assertEquals("0.8", s.text("minConfidenceToAct"));
        assertEquals("minConfidenceToAct=0.8 maxTrafficShift=0.125 volumeCapShare=0.45 maxActiveActions=3 "
                + "cooldownSeconds=120 approval=auto:30", s.describe());
    }

    @Test
    void everyBadValueNamesItsFieldAndTheRange() {
        bad("minConfidenceToAct=1.01", "minConfidenceToAct: 1.01 is out of range (expected a number from 0 to 1)");
        bad("maxTrafficShift=-0.1", "maxTrafficShift: -0.1 is out of range (expected a number from 0 to 1)");
        bad("volumeCapShare=lots", "volumeCapShare: 'lots' is not a number (expected a number from 0 to 1)");
        bad("volumeCapShare=NaN", "volumeCapShare: 'NaN' is not a number (expected a number from 0 to 1)");
        bad("maxActiveActions=51", "maxActiveActions: 51 is out of range (expected a whole number from 0 to 50)");
        bad("maxActiveActions=1.5", "maxActiveActions: '1.5' is not a whole number (expected a whole number from 0 to 50)");
        bad("cooldownSeconds=-1", "cooldownSeconds: -1 is out of range (expected a whole number of seconds from 0 to 86400)");
        bad("approval=sometimes", "approval: 'sometimes' is not an approval mode (expected auto:SECONDS with SECONDS "
                + "from 0 to 86400, never, or manual)");
        bad("speed=3", "unknown setting 'speed' (expected one of minConfidenceToAct, maxTrafficShift, volumeCapShare, "
                + "maxActiveActions, cooldownSeconds, approval)");
        bad("maxTrafficShift", "'maxTrafficShift' is not a setting (expected key=value with key one of "
                + "minConfidenceToAct, maxTrafficShift, volumeCapShare, maxActiveActions, cooldownSeconds, approval)");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WhatIfSettings(0.8, 2, 0.45, 3, 120, ApprovalMode.MANUAL));
        assertEquals("maxTrafficShift: 2.0 is out of range (expected a number from 0 to 1)", e.getMessage());
    }

    @Test
    void writesAsJson() throws Exception {
        String json = Json.mapper().writeValueAsString(WhatIfSettings.defaults());
        assertTrue(json.contains("\"maxTrafficShift\":0.5"), json);
        assertTrue(json.contains("\"approval\""), json);
    }

    private static void bad(String assignment, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WhatIfSettings.defaults().with(assignment));
        assertEquals(message, e.getMessage());
    }
}
