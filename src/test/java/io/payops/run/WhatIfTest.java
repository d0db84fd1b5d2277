package io.payops.run;

import io.payops.common.Json;
import io.payops.domain.ApprovalMode;
import io.payops.domain.Command;
import io.payops.domain.Frame;
import io.payops.domain.RoutingState;
import io.payops.domain.Snapshot;
import io.payops.engine.Engine;
import io.payops.engine.EngineOptions;
import io.payops.engine.PolicyFactory;
import io.payops.engine.RunSettings;
import io.payops.report.WhatIfReport;
import io.payops.report.WhatIfRow;
import io.payops.report.WhatIfSettings;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WhatIfTest {
    private static final long SEED = 7;
    private static Scenario outage;
    /**
     * Razorpay's SBI, ICICI and then HDFC paths fail one after the other (a test-only world): several approval
     * requests in a console session.
     */
    private static Scenario spreads;
    /** stripe-outage, seed 7, the agent with run's default approval (auto:60), every frame. */
    private static List<Frame> recorded;

    @BeforeAll
    static void record() {
        outage = ScenarioLoader.builtIn("stripe-outage").withSeed(SEED);
        spreads = ScenarioLoader.resolve(resource("/learning/helped-then-hurt.json")).withSeed(SEED);
        recorded = new ArrayList<>();
        ScenarioRunner.run(outage, RunSettings.of("agent"), null, recorded::add);
    }

    private static String resource(String name) {
        try {
            return java.nio.file.Path.of(WhatIfTest.class.getResource(name).toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long recordedCycles(List<Frame> frames) {
        return frames.stream().filter(f -> f.step().cycle() != null).count();
    }

    @Test
    void sameSettingsReproduceTheRecordedAgentExactly() {
        WhatIfReport r = WhatIf.run(once(recorded), outage.world(), WhatIfSettings.defaults());
        WhatIfReport.Summary s = r.summary();
        assertEquals(recorded.size(), s.frames());
        assertEquals(recordedCycles(recorded), s.cyclesCompared(), "one row per recorded cycle, none extra");
        assertTrue(s.cyclesCompared() > 800, "cycles " + s.cyclesCompared());
        assertEquals(0, s.differing(), () -> "first difference: " + r.rows().stream().filter(WhatIfRow::differs)
                .findFirst().orElseThrow());
        assertNull(s.firstDifferenceMillis());
        assertNull(s.routingDivergedMillis(), "the what-if routing follows the recorded routing frame by frame");
        assertTrue(s.recordedActions() > 0, "the recorded agent acted on the outage");
        assertEquals(s.recordedActions(), s.whatIfActions());
        assertTrue(r.rows().stream().allMatch(row -> row.recorded() != null && row.whatIf() != null
                && row.reason().equals("same")));
    }

    /** A console session: manual approvals answered by recorded operator commands, recommend-only switched on and off. */
    @Test
    void sameSettingsReproduceAConsoleSessionWithOperatorCommands() {
        List<Frame> console = consoleSession(spreads, 1500);
        long decisions = console.stream().flatMap(f -> f.commands().stream())
                .filter(c -> c instanceof Command.Decide).count();
        assertTrue(decisions >= 3, "operator decisions " + decisions);
        assertTrue(console.stream().flatMap(f -> f.commands().stream())
                .anyMatch(c -> c instanceof Command.Decide d && !d.approve()), "one request is rejected");

        WhatIfReport r = WhatIf.run(console, spreads.world(), WhatIfSettings.defaults(ApprovalMode.MANUAL));
        assertEquals(0, r.summary().differing(), () -> "first difference: " + r.rows().stream()
                .filter(WhatIfRow::differs).findFirst().orElseThrow());
        assertNull(r.summary().routingDivergedMillis());
        assertEquals(decisions, r.summary().approvalsApplied());
        assertEquals(0, r.summary().approvalsNotApplied());
        assertEquals(r.summary().recordedActions(), r.summary().whatIfActions());
    }

    /**
     * What a session file keeps is enough: snapshots and routing written as JSON and read back still reproduce the
     * recorded agent (doubles survive the round trip exactly).
     */
    @Test
    void snapshotsReadBackFromJsonReproduceTheAgent() throws Exception {
        List<Frame> readBack = new ArrayList<>();
        for (Frame f : recorded.subList(0, 700)) {
            Snapshot snap = Json.mapper().readValue(Json.mapper().writeValueAsBytes(f.snapshot()), Snapshot.class);
            RoutingState routing = Json.mapper().readValue(Json.mapper().writeValueAsBytes(f.routing()), RoutingState.class);
            readBack.add(new Frame(f.tick(), f.simMillis(), f.finished(), snap, routing, f.faults(), f.step(),
                    f.totals(), f.commands(), f.commandErrors()));
        }
        WhatIfReport r = WhatIf.run(readBack, outage.world(), WhatIfSettings.defaults());
        assertEquals(0, r.summary().differing());
        assertNull(r.summary().routingDivergedMillis());
        assertTrue(r.summary().recordedActions() > 0);
    }

    @Test
    void aStricterConfidenceBarDiffersFromTheRecordedFirstAction() {
        WhatIfReport r = WhatIf.run(recorded, outage.world(), WhatIfSettings.defaults().with("minConfidenceToAct=0.99"));
        assertStricterDiffersAtTheFirstRoutingDecision(r);
        // both ask to open stripe's circuit (it moves more than the volume cap); only the recorded agent, confident
        // above 0.9, contained the outage meanwhile with a smaller shift on its own: 0.99 forbids that too
        WhatIfRow first = firstDifference(r);
        assertEquals(first.recorded().action(), first.whatIf().action());
        assertTrue(first.recorded().acted());
        assertFalse(first.whatIf().acted());
        assertEquals("same decision; recorded acted, what-if did not", first.reason());
    }

    @Test
    void aSmallerShiftLimitDiffersFromTheRecordedFirstAction() {
        WhatIfReport r = WhatIf.run(recorded, outage.world(), WhatIfSettings.defaults().with("maxTrafficShift", "0.05"));
        assertStricterDiffersAtTheFirstRoutingDecision(r);
        WhatIfRow first = firstDifference(r);
        assertTrue(first.recorded().acted());
        assertEquals("block", first.whatIf().verdict());
        assertFalse(first.whatIf().acted());
        assertEquals(0, r.summary().whatIfActions(), "every routing change moves more than 5% of traffic here");
    }

    private static void assertStricterDiffersAtTheFirstRoutingDecision(WhatIfReport r) {
        WhatIfRow firstRecordedChange = r.rows().stream()
                .filter(row -> row.recorded() != null && row.recorded().acted()
                        && !row.recorded().actionType().equals("alert"))
                .findFirst().orElseThrow();
        assertTrue(r.summary().differing() > 0);
        assertEquals(firstRecordedChange.atMillis(), r.summary().firstDifferenceMillis(),
                "nothing differs before the recorded agent's first routing change");
        assertTrue(r.summary().whatIfActions() < r.summary().recordedActions());
        assertNotNull(r.summary().routingDivergedMillis());
        assertTrue(r.summary().routingDivergedMillis() >= r.summary().firstDifferenceMillis());
    }

    private static WhatIfRow firstDifference(WhatIfReport r) {
        return r.rows().stream().filter(WhatIfRow::differs).findFirst().orElseThrow();
    }

    /** Recorded approvals name requests a stricter what-if agent never raised: they are counted, not applied. */
    @Test
    void operatorDecisionsForRequestsTheWhatIfNeverRaisedAreCounted() {
        List<Frame> console = consoleSession(spreads, 1500);
        long decisions = console.stream().flatMap(f -> f.commands().stream())
                .filter(c -> c instanceof Command.Decide).count();
        // no change may move any traffic: every routing change is blocked, so no request is ever raised
        WhatIfSettings frozen = WhatIfSettings.parse(WhatIfSettings.defaults(ApprovalMode.MANUAL),
                List.of("maxTrafficShift=0"));
        WhatIfReport r = WhatIf.run(console, spreads.world(), frozen);
        assertEquals(decisions, r.summary().approvalsNotApplied());
        assertEquals(0, r.summary().approvalsApplied());
        assertTrue(r.summary().differing() > 0);
    }

    /**
     * A smaller shift limit blocks the agent's changes, and its cycles fall a tick after the recorded agent's from
     * then on: most moments have one agent's cycle only. Where the side that ran a cycle took no action and the other
     * side's last cycle took none either, that moment is not a difference; every other one-sided moment is.
     */
    @Test
    void oneSidedMomentsWithNoActionOnEitherSideAreNotDifferences() {
        WhatIfReport r = WhatIf.run(recorded, outage.world(), WhatIfSettings.defaults().with("maxTrafficShift", "0.05"));
        WhatIfRow.Choice lastRecorded = null;
        WhatIfRow.Choice lastWhatIf = null;
        int aligned = 0;
        for (WhatIfRow row : r.rows()) {
            if (row.recorded() == null || row.whatIf() == null) {
                WhatIfRow.Choice present = row.recorded() == null ? row.whatIf() : row.recorded();
                WhatIfRow.Choice other = row.recorded() == null ? lastRecorded : lastWhatIf;
                boolean bothNoAction = noAction(present) && (other == null || noAction(other));
                assertEquals(!bothNoAction, row.differs(), () -> "one-sided at " + row.atMillis() + ": " + row);
                if (bothNoAction) {
                    aligned++;
                    assertTrue(row.reason().startsWith("no action on either side: the "), row.reason());
                }
            }
            lastRecorded = row.recorded() == null ? lastRecorded : row.recorded();
            lastWhatIf = row.whatIf() == null ? lastWhatIf : row.whatIf();
        }
        assertTrue(aligned > 500, "the cycles fell apart early, so most moments are one-sided: " + aligned);
        assertTrue(r.summary().differing() < 20, "what is left is what differs: " + r.summary().differing());
        String table = io.payops.report.WhatIfTable.format(r, false);
        assertTrue(table.contains(aligned + " moments"), table);
    }

    /** Nothing decided or "do nothing", and nothing done alone: read from the row as a person reads it. */
    private static boolean noAction(WhatIfRow.Choice c) {
        return !c.acted() && (c.action().equals("no decision") || c.action().equals("do nothing"));
    }

    @Test
    void badSettingsNameTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WhatIfSettings.defaults().with("maxTrafficShift=1.5"));
        assertTrue(e.getMessage().startsWith("maxTrafficShift: 1.5 is out of range"), e.getMessage());
        assertTrue(e.getMessage().contains("from 0 to 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> WhatIfSettings.defaults().with("cooldownSeconds", "-3"));
        assertTrue(e.getMessage().startsWith("cooldownSeconds:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> WhatIfSettings.defaults().with("maxActiveAction=2"));
        assertTrue(e.getMessage().contains("maxActiveActions"), "lists the keys: " + e.getMessage());
    }

    /** The frames as a single-pass iterable, as a streaming session reader gives them. */
    private static Iterable<Frame> once(List<Frame> frames) {
        AtomicBoolean used = new AtomicBoolean();
        return () -> {
            if (used.getAndSet(true)) {
                throw new IllegalStateException("frames read twice");
            }
            Iterator<Frame> it = frames.iterator();
            return it;
        };
    }

    /**
     * A console-like session: manual approvals; an operator approves the first request ten seconds after it shows and
     * rejects the next one; recommend-only is switched on for a while and off again.
     */
    static List<Frame> consoleSession(Scenario s, int seconds) {
        RunSettings settings = new RunSettings("agent", ApprovalMode.MANUAL, "heuristic");
        Engine engine = new Engine(s, PolicyFactory.create("agent", settings, s.world()), EngineOptions.DEFAULT, null);
        List<Frame> frames = new ArrayList<>();
        java.util.Map<Long, Long> seenAt = new java.util.HashMap<>();
        java.util.Set<Long> answered = new java.util.HashSet<>();
        int answers = 0;
        for (int i = 0; i < seconds && !engine.finished(); i++) {
            if (i == 280) {
                engine.submit(new Command.SetRecommendOnly(true));
            } else if (i == 1_200) {
                engine.submit(new Command.SetRecommendOnly(false));
            }
            Frame f = engine.step();
            frames.add(f);
            for (var req : f.step().pendingApprovals()) {
                seenAt.putIfAbsent(req.actionId(), f.simMillis());
                if (!answered.contains(req.actionId()) && f.simMillis() - seenAt.get(req.actionId()) >= 10_000) {
                    answered.add(req.actionId());
                    engine.submit(new Command.Decide(req.actionId(), answers++ != 1, "operator"));
                }
            }
        }
        return frames;
    }
}
