package io.payops.agent;

import io.payops.domain.FaultSpec;
import io.payops.report.ActionReport;
import io.payops.sim.RandomScenarios;
import io.payops.sim.Scenario;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DESIGN §9, "zero executed routing changes where routing cannot help", as a property over random worlds (issue
 * #14): on every random world from a fixed first seed whose faults routing cannot avoid (none pins a gateway, or the
 * only ones that do are user declines, or there is no fault at all), the agent puts no routing change in force that
 * moves traffic (a shift or a circuit, executed or executed then rolled back, that is not a recovery). A calmer retry
 * policy and alerts are allowed. Each world is shortened to its last fault's end plus the generator's own three-minute
 * tail (never below {@link #MIN_SECONDS}), so every fault and its recovery still fit. A failure lists every offending
 * world by seed with the actions that moved traffic, then the first few in full.
 * <p>
 * FAILS with the agent as of commit 34ce09b (expected until the agent fix lands): 2 of the 100 worlds (seeds
 * 140000..140177) get a circuit on the whole of paypal, the slowest gateway, after a large latency spike that is not
 * on a gateway: seed 140005 (latency ×9.86 on method=UPI, 485–1034 s) opens gateway=paypal at 1052 s on a "retry
 * storm" on paypal × UPI, 18 s after the fault ended; seed 140157 (latency ×7.07 on merchant=shopkart and ×1.3 on all
 * traffic, 1578/1643–1920 s) opens gateway=paypal at 1768 s, taking the latency on all traffic for a retry storm
 * on gateway=paypal.
 */
@Tag("fails-until-agent-fix")
class NoHarmfulRoutingPropertyTest {
    private static final long FIRST_SEED = 140_000;
    private static final int WORLDS = 100;
    /** RandomScenarios ends every fault at least this long before its world does. */
    private static final int TAIL_SECONDS = 180;
    /** A world with no fault (or an early one) still runs long enough for noise to tempt the agent. */
    private static final int MIN_SECONDS = 900;
    /** Offending worlds whose whole story (what the agent said, every action) the failure message shows. */
    private static final int SHOWN_IN_FULL = 3;

    /** The world of a seed, shortened so that its faults still fit with their tail. */
    static Scenario shortened(Scenario s) {
        double lastEnd = s.faults().stream().mapToDouble(FaultSpec::endSecond).max().orElse(0);
        int seconds = Math.max(MIN_SECONDS, (int) Math.ceil(lastEnd) + TAIL_SECONDS);
        return seconds < s.durationSeconds() ? s.withDuration(seconds) : s;
    }

    @Test
    void noRoutingChangeMovesTrafficOnRandomWorldsWhereRoutingCannotHelp() {
        long wallStart = System.nanoTime();
        List<String> offences = new ArrayList<>();
        List<String> inFull = new ArrayList<>();
        int worlds = 0;
        long seed = FIRST_SEED;
        long simulated = 0;
        int faults = 0;
        int alerts = 0;
        List<String> slowest = new ArrayList<>();
        for (; worlds < WORLDS; seed++) {
            Scenario full = RandomScenarios.generate(seed);
            if (full.routingCanHelp()) {
                continue;
            }
            Scenario s = shortened(full);
            assertEquals(full.faults(), s.faults(), "random-" + seed + ": shortening must keep its faults");
            RegressionRun run = RegressionRun.of(s);
            worlds++;
            slowest.add(String.format(Locale.ROOT, "%06d ms seed %d (%.1f payments/s, %d s, %d faults)",
                    run.report().wallMillis(), seed, s.tps(), s.durationSeconds(), s.faults().size()));
            simulated += s.durationSeconds();
            faults += s.faults().size();
            alerts += (int) run.report().actions().stream().filter(a -> a.type().equals("alert")).count();
            List<ActionReport> moves = run.moves();
            if (!moves.isEmpty()) {
                StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "seed %d (%s):", seed,
                        s.description()));
                for (ActionReport a : moves) {
                    b.append(String.format(Locale.ROOT, " %s s %s on {%s} %s;", a.atSecond(), a.type(), a.target(),
                            a.status()));
                }
                offences.add(b.toString());
                if (inFull.size() < SHOWN_IN_FULL) {
                    inFull.add(run.explain());
                }
            }
        }
        long wallMillis = (System.nanoTime() - wallStart) / 1_000_000;
        String summary = String.format(Locale.ROOT, "%d worlds where routing cannot help (seeds %d..%d), %d faults, "
                        + "%d simulated s, %d alerts, %d worlds with traffic moved, %d ms wall", worlds, FIRST_SEED,
                seed - 1, faults, simulated, alerts, offences.size(), wallMillis);
        System.out.println("NoHarmfulRoutingPropertyTest: " + summary);
        slowest.sort(Comparator.reverseOrder());
        System.out.println("NoHarmfulRoutingPropertyTest: slowest worlds: "
                + String.join("; ", slowest.subList(0, Math.min(5, slowest.size()))));
        assertTrue(offences.isEmpty(), () -> "routing changes that moved traffic where routing cannot help: " + summary
                + "\n  " + String.join("\n  ", offences) + "\nthe first offending worlds in full:\n"
                + String.join("\n", inFull));
    }
}
