package io.payops.agent;

import io.payops.domain.FaultSpec;
import io.payops.report.ActionReport;
import io.payops.sim.RandomScenarios;
import io.payops.sim.Scenario;
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
 * With the agent as of commit 34ce09b, 2 of these worlds failed: a circuit on the whole of paypal (the slowest
 * gateway) after a large latency spike that was not on a gateway, its leftover timeouts taken for a retry storm there
 * (seeds 140005 and 140157). The worlds run two at a time; each is deterministic, so the verdict does not depend on
 * the order.
 */
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

    /** Runs the worlds on two threads (each run is deterministic and independent); results in the given order. */
    private static List<RegressionRun> runTwoAtATime(List<Scenario> worlds) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<RegressionRun>> futures = new ArrayList<>();
            for (Scenario s : worlds) {
                futures.add(pool.submit(() -> RegressionRun.of(s)));
            }
            List<RegressionRun> out = new ArrayList<>();
            for (java.util.concurrent.Future<RegressionRun> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new AssertionError("a random world failed to run: " + e, e);
        } finally {
            pool.shutdownNow();
        }
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
        List<Scenario> chosen = new ArrayList<>();
        for (; chosen.size() < WORLDS; seed++) {
            Scenario full = RandomScenarios.generate(seed);
            if (full.routingCanHelp()) {
                continue;
            }
            Scenario s = shortened(full);
            assertEquals(full.faults(), s.faults(), "random-" + seed + ": shortening must keep its faults");
            chosen.add(s);
        }
        List<RegressionRun> runs = runTwoAtATime(chosen);
        for (int k = 0; k < chosen.size(); k++) {
            Scenario s = chosen.get(k);
            RegressionRun run = runs.get(k);
            worlds++;
            slowest.add(String.format(Locale.ROOT, "%06d ms seed %d (%.1f payments/s, %d s, %d faults)",
                    run.report().wallMillis(), s.seed(), s.tps(), s.durationSeconds(), s.faults().size()));
            simulated += s.durationSeconds();
            faults += s.faults().size();
            alerts += (int) run.report().actions().stream().filter(a -> a.type().equals("alert")).count();
            List<ActionReport> moves = run.moves();
            if (!moves.isEmpty()) {
                StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "seed %d (%s):", s.seed(),
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
