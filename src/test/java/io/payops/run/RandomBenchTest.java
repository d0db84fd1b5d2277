package io.payops.run;

import io.payops.domain.Dimension;
import io.payops.domain.FaultSpec;
import io.payops.domain.FaultType;
import io.payops.domain.Target;
import io.payops.engine.RunSettings;
import io.payops.report.FaultVisibility;
import io.payops.run.RandomBench.FaultRow;
import io.payops.run.RandomBench.WorldRow;
import io.payops.sim.RandomScenarios.TargetShape;
import io.payops.sim.Scenario;
import io.payops.sim.TrafficShape;
import io.payops.sim.World;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link RandomBench#runWorld} and {@link RandomBenchTable} on three small hand-made worlds of 900 s: an issuer down
 * on every gateway (routing cannot help), a big sudden Stripe outage (visible at once) and a barely-there fault on a
 * path carrying a few attempts a minute (not visible).
 */
class RandomBenchTest {
    private static final int SECONDS = 900;

    private static final Scenario ISSUER_EVERYWHERE = world(101, 40, new FaultSpec(FaultType.ISSUER_DEGRADATION,
            Target.of(Dimension.ISSUER, "ICICI"), 300, 400, 0.4, 1, 0));
    private static final Scenario STRIPE_OUTAGE = world(102, 40, new FaultSpec(FaultType.GATEWAY_OUTAGE,
            Target.gateway("stripe"), 300, 400, 0.9, 1, 0));
    /** PayPal (10% of traffic) × AMEX (5%) at 5 payments/s: about 1.5 attempts a minute, 3% of them failing more. */
    private static final Scenario TINY = world(103, 5, new FaultSpec(FaultType.NETWORK_ERRORS,
            Target.of(Dimension.GATEWAY, "paypal", Dimension.NETWORK, "AMEX"), 300, 400, 0.03, 1, 0));

    private static WorldRow issuerAgent;
    private static List<WorldRow> outageRows;
    private static WorldRow tinyAgent;

    private static Scenario world(long seed, double tps, FaultSpec fault) {
        return new Scenario("random-" + seed, "hand-made world " + seed, seed, SECONDS, tps, TrafficShape.FLAT, 3600,
                List.of(fault), World.defaultWorld());
    }

    @BeforeAll
    static void runWorlds() {
        issuerAgent = single(RandomBench.runWorld(ISSUER_EVERYWHERE, List.of("agent")));
        outageRows = RandomBench.runWorld(STRIPE_OUTAGE, List.of("static", "oracle", "agent"));
        tinyAgent = single(RandomBench.runWorld(TINY, List.of("agent")));
    }

    private static WorldRow single(List<WorldRow> rows) {
        assertEquals(1, rows.size(), "one row per policy asked for");
        return rows.get(0);
    }

    @Test
    void staticAndOracleExcessAreWhatSeparateRunsGive() {
        for (Scenario s : List.of(ISSUER_EVERYWHERE, STRIPE_OUTAGE)) {
            WorldRow row = s == ISSUER_EVERYWHERE ? issuerAgent : outageRows.get(2);
            double stat = ScenarioRunner.run(s, RunSettings.of("static")).excessFailures();
            double oracle = ScenarioRunner.run(s, RunSettings.of("oracle")).excessFailures();
            double agent = ScenarioRunner.run(s, RunSettings.of("agent")).excessFailures();
            assertEquals(stat, row.staticExcess(), s.name() + " static (watching its attempts changes nothing)");
            assertEquals(oracle, row.oracleExcess(), s.name() + " oracle");
            assertEquals(agent, row.excess(), s.name() + " agent");
            assertEquals(row.excess() - row.staticExcess(), row.lossBeyondStatic(), 1e-9);
        }
        // the static and oracle rows are those runs themselves
        WorldRow stat = outageRows.get(0);
        WorldRow oracle = outageRows.get(1);
        assertEquals(stat.staticExcess(), stat.excess());
        assertEquals(oracle.oracleExcess(), oracle.excess());
        assertTrue(stat.staticExcess() - stat.oracleExcess() >= RandomBench.MIN_PREVENTABLE, stat.toString());
        assertEquals(0.0, stat.prevented());
        assertEquals(1.0, oracle.prevented());
        assertEquals(0, stat.trafficChanges());
        assertTrue(oracle.trafficChanges() > 0, "the oracle opens Stripe's circuit: " + oracle);
        assertEquals("missed", stat.faults().get(0).attribution(), "static says nothing");
    }

    @Test
    void theAgentMovesNoTrafficWhenTheOnlyFaultIsOnAnIssuerEverywhere() {
        assertFalse(issuerAgent.routingCanHelp());
        assertEquals(0, issuerAgent.trafficChanges(), issuerAgent.toString());
        assertFalse(issuerAgent.harmful(), issuerAgent.toString());
        assertNull(issuerAgent.prevented(), "nothing was preventable: " + issuerAgent);
        FaultRow f = issuerAgent.faults().get(0);
        assertEquals(TargetShape.ISSUER, f.shape());
        assertFalse(f.routable());
        assertFalse(f.overlapping());
        assertEquals("diagnosed", f.attribution(), f.toString());
        assertNull(f.takenFor());
        assertTrue(f.detected() && f.right());
        // harmful is exactly "traffic moved where routing could not help"
        WorldRow moved = new WorldRow(1, "", false, 0, 0, 0, null, 1, 0, 0, 0, List.of(), 0, 0, 0, null);
        assertTrue(moved.harmful());
        assertFalse(new WorldRow(1, "", true, 0, 0, 0, null, 1, 0, 0, 0, List.of(), 0, 0, 0, null).harmful());
        assertFalse(new WorldRow(1, "", false, 0, 0, 0, null, 0, 3, 0, 0, List.of(), 0, 0, 0, null).harmful(),
                "a retry-policy change moves no traffic");
    }

    @Test
    void aBigSuddenOutageIsVisibleWithASmallBoundAndTheAgentCatchesIt() {
        for (WorldRow row : outageRows) {
            FaultRow f = row.faults().get(0);
            assertTrue(f.visible(), f.toString());
            assertNotNull(f.boundSeconds(), f.toString());
            assertTrue(f.boundSeconds() > 0 && f.boundSeconds() < 10, "a 90% outage on 40% of traffic: " + f);
            assertEquals(TargetShape.GATEWAY, f.shape());
            assertTrue(f.routable());
            assertEquals(0.0, f.rampSeconds());
        }
        WorldRow agent = outageRows.get(2);
        FaultRow f = agent.faults().get(0);
        assertTrue(agent.routingCanHelp());
        assertEquals("diagnosed", f.attribution(), f.toString());
        assertNotNull(f.delaySeconds());
        assertTrue(f.delaySeconds() >= 0 && f.delaySeconds() < 60, f.toString());
        assertEquals(f.delaySeconds() / Math.max(1, f.boundSeconds()), f.delayRatio(), 1e-9);
        assertNotNull(agent.prevented(), agent.toString());
        assertTrue(agent.prevented() > 0.5, "the agent routes around most of the outage: " + agent);
        assertEquals(0, agent.falseAlarms(), agent.toString());
    }

    @Test
    void aTinyFaultOnALowVolumePathIsNotVisible() {
        FaultRow f = tinyAgent.faults().get(0);
        assertEquals(TargetShape.GATEWAY_NETWORK, f.shape());
        assertFalse(f.visible(), f.toString());
        assertTrue(f.boundSeconds() == null || f.boundSeconds() > FaultVisibility.VISIBLE_SHARE * 400,
                "no sequential test could see it while it lasted: " + f);
        assertNull(tinyAgent.prevented(), "nothing measurable to prevent: " + tinyAgent);
        assertFalse(tinyAgent.harmful());
    }

    @Test
    void markdownHasTheBarsAndOneRowPerFaultTypeAndTargetShape() {
        List<WorldRow> rows = List.of(issuerAgent, outageRows.get(2), tinyAgent);
        String md = RandomBenchTable.markdown(new RandomBench.Result("agent", rows), "bench --random 3");
        assertTrue(md.startsWith("Produced by `bench --random 3`: 3 worlds, 3 faults, policy `agent`."), md);
        for (String bar : List.of("| diagnosis right, visible faults sharing no traffic |",
                "| diagnosis right, visible overlapping faults |",
                "| visible faults detected (anything said of their traffic) |",
                "| diagnosis right, every fault (visible or not) |",
                "| worlds where routing cannot help with traffic moved (harmful) | 0 of 1 |",
                "| prevented share, worlds where static − oracle ≥ 5 |",
                "| worlds where the policy lost > 2 payments beyond static |",
                "| median delay / bound, sudden visible gateway_outage |",
                "| false alarms (alarms about traffic no fault touched) |",
                "| rollbacks |")) {
            assertTrue(md.contains(bar), "bar line " + bar + " in\n" + md);
        }
        List<String> lines = md.lines().toList();
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("| fault | target |")).findFirst()
                .orElseThrow(() -> new AssertionError("no fault × target table in\n" + md)));
        List<String> table = lines.subList(header + 2, lines.size()).stream().filter(l -> l.startsWith("|")).toList();
        assertEquals(3, table.size(), "one row per fault type × target shape present:\n" + md);
        assertTrue(table.get(0).startsWith("| issuer_degradation | issuer | 1 | "), table.toString());
        assertTrue(table.get(1).startsWith("| gateway_outage | gateway | 1 | 1 | "), table.toString());
        assertTrue(table.get(2).startsWith("| network_errors | gateway_network | 1 | 0 | "), table.toString());
        int columns = lines.get(header).split("\\|", -1).length;
        for (String row : table) {
            assertEquals(columns, row.split("\\|", -1).length, row);
        }
    }

    @Test
    void runningInParallelGivesTheSameRowsAsOneWorldAtATime() {
        List<RandomBench.Result> results = RandomBench.run(List.of(ISSUER_EVERYWHERE, TINY), List.of("agent"), 2);
        assertEquals(1, results.size());
        assertEquals("agent", results.get(0).policy());
        assertEquals(List.of(issuerAgent, tinyAgent), results.get(0).worlds(), "same rows, in the given order");
    }
}
