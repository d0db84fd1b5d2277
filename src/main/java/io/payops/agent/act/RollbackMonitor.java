package io.payops.agent.act;

import io.payops.agent.AgentConfig;
import io.payops.agent.learn.LessonStore;
import io.payops.domain.ActionOutcome;
import io.payops.domain.ActionStatus;
import io.payops.domain.Lesson;
import io.payops.domain.Outcome;
import io.payops.domain.Target;

import java.util.Locale;

/**
 * The verify step for fresh changes. {@code evaluationSeconds} after a change it compares the seconds since the change
 * (after {@code settleSeconds}) with the seconds since the trouble began, and judges two things. Where the traffic
 * went (e.g. SBI's payments on the other gateways, for a circuit on razorpay × SBI): if it is now worse by more than
 * the limit and beyond noise, or the affected traffic is much slower, the change hurt and is rolled back to the exact
 * earlier routing. And the affected traffic as a whole (all of SBI's payments): if its technical failures fell beyond
 * noise, the change helped. "Helped" needs measured evidence; too few samples is "inconclusive".
 *
 * <p>Other faults do not stop for the change: a fault ramping up on all traffic in those seconds makes the moved
 * traffic worse, and one ending makes it better, whatever the change did. So wherever comparable traffic was left
 * alone by the change, each before→after is taken relative to that traffic's before→after in the same seconds (a
 * difference in differences; {@link ComparableTraffic} says which traffic and why). "Hurt" is the moved traffic
 * falling by more than the limit beyond noise, as before, and still so beyond the control's movement in the same
 * seconds, by more than the limit and the noise of all four samples: the control clears a change of a fall that
 * everything shared, and never convicts one whose moved traffic did not get worse (only improved less than traffic
 * elsewhere, which is the control's own luck or a fault ending there). "Helped" is the affected traffic's technical
 * failures falling beyond the control's, by {@code minHelp} and beyond noise: a ramp elsewhere no longer hides
 * help, and a fault ending everywhere is no longer credited to the change. "Slower" is its p95 rising by the limit's
 * factor both on its own and relative to the control's p95. Only a circuit on one gateway's path to
 * an issuer, method or network has such traffic. A whole-gateway circuit, a weight shift and a retry policy move or
 * touch payments of every kind, leaving nothing comparable untouched: they, and a path whose comparable traffic was
 * too thin to measure, are judged on their own before→after as before, and their sentence says so.
 *
 * <p>The lesson records the affected traffic's success before and after, and the control's beside it; the
 * sentence gives both comparisons.
 */
public final class RollbackMonitor {
    private final AgentConfig.Verification limits;
    private final RecentHistory history;
    private final Executor executor;
    private final LessonStore lessons;

    public RollbackMonitor(AgentConfig config, RecentHistory history, Executor executor, LessonStore lessons) {
        this.limits = config.verification();
        this.history = history;
        this.executor = executor;
        this.lessons = lessons;
    }

    /** One side's traffic before and after the change. */
    record BeforeAfter(RecentHistory.Sum before, RecentHistory.Sum after) {
        boolean measurable(long min) {
            return before.attempts() >= min && after.attempts() >= min;
        }

        double successMove() {
            return after.successRate() - before.successRate();
        }
    }

    /** What the verify step concluded, the sentence with its numbers, and the control's success for the lesson. */
    record Verdict(Outcome outcome, String numbers, Double controlBefore, Double controlAfter) {
    }

    public void tick(ActionsInForce actions, long now, VerifyResult out) {
        for (ActiveAction a : actions.inForce()) {
            if (a.phase != ActiveAction.Phase.EVALUATING || now - a.executedAtMillis < limits.evaluationSeconds() * 1000L) {
                continue;
            }
            Target t = a.evaluationTarget();
            BeforeAfter affected = window((from, to) -> history.sum(t, from, to), a, now);
            ComparableTraffic c = ComparableTraffic.of(a.record.action().type(), a.target());
            Verdict v = c == null ? alone(a, t, affected, now) : against(c, a, t, affected, now);
            Outcome outcome = v.outcome();
            String numbers = v.numbers();
            lessons.add(new Lesson(situation(a), a.diagnosis, a.record.action().type(), outcome,
                    affected.before().successRate(), affected.after().successRate(), affected.after().attempts(), now,
                    v.controlBefore(), v.controlAfter()));
            if (outcome == Outcome.HURT) {
                executor.revert(a.record.action(), a.before, a.after);
                a.phase = ActiveAction.Phase.DONE;
                a.record = ActionsInForce.updated(a.record, ActionStatus.ROLLED_BACK, ActionOutcome.HURT, now,
                        "rolled back: " + numbers);
                actions.touched(a.target(), now);
                out.sentences().add("Rolled back " + a.record.action().describe() + ": it made things worse (" + numbers + ").");
            } else {
                a.phase = ActiveAction.Phase.IN_FORCE;
                a.nextProbeAtMillis = a.executedAtMillis + limits.probeAfterSeconds() * 1000L;
                a.record = a.record.withOutcome(ActionOutcome.of(outcome), now);
                out.sentences().add("Checked " + a.record.action().describe() + ": " + outcome.key() + " (" + numbers + ").");
            }
            out.records().add(a.record);
        }
    }

    /** Some traffic's sum over the seconds ending in (from, to]. */
    @FunctionalInterface
    private interface Traffic {
        RecentHistory.Sum sum(long fromMillis, long toMillis);
    }

    /** The same traffic over the trouble before the change and over the settled seconds since. */
    private BeforeAfter window(Traffic traffic, ActiveAction a, long now) {
        return new BeforeAfter(traffic.sum(a.beforeFromMillis, a.executedAtMillis),
                traffic.sum(a.executedAtMillis + limits.settleSeconds() * 1000L, now));
    }

    /** No comparable traffic: the moved traffic and the affected traffic are judged on their own movement. */
    private Verdict alone(ActiveAction a, Target t, BeforeAfter affected, long now) {
        Target source = a.sourceTarget();
        BeforeAfter moved = affected;
        if (source != null) {
            BeforeAfter off = window((from, to) -> history.sum(source, from, to), a, now);
            moved = new BeforeAfter(affected.before().minus(off.before()), affected.after().minus(off.after()));
        }
        RecentHistory.Sum before = affected.before();
        RecentHistory.Sum after = affected.after();
        Outcome outcome = hurt(moved.before(), moved.after()) || slower(before, after) ? Outcome.HURT
                : helped(before, after);
        String numbers = String.format(Locale.ROOT, "success on %s was %.1f%% over %d attempts before and %.1f%% over "
                        + "%d attempts after, judged on its own: this change left no comparable traffic untouched to take "
                        + "other faults' movement out; p95 %.0f ms → %.0f ms", t, pct(before.successRate()),
                before.attempts(), pct(after.successRate()), after.attempts(), before.meanP95(), after.meanP95());
        return new Verdict(outcome, numbers, null, null);
    }

    /** Each movement taken relative to comparable traffic's movement in the same seconds, where there is enough of it. */
    private Verdict against(ComparableTraffic c, ActiveAction a, Target t, BeforeAfter affected, long now) {
        BeforeAfter moved = window((from, to) -> history.sumOf(c.destination(), from, to), a, now);
        BeforeAfter movedControl = window((from, to) -> history.sumOf(c.destinationControl(), from, to), a, now);
        BeforeAfter control = window((from, to) -> history.sumOf(c.affectedControl(), from, to), a, now);
        boolean movedComparable = movedControl.measurable(limits.minControlAttempts());
        boolean comparable = control.measurable(limits.minControlAttempts());
        RecentHistory.Sum before = affected.before();
        RecentHistory.Sum after = affected.after();
        boolean hurt = movedComparable
                ? hurt(moved.before(), moved.after(), movedControl.before(), movedControl.after())
                : hurt(moved.before(), moved.after());
        boolean slower = slower(before, after, control.before(), control.after());
        Outcome outcome = hurt || slower ? Outcome.HURT : comparable
                ? helped(before, after, control.before(), control.after()) : helped(before, after);

        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "success on %s was %.1f%% over %d attempts before and %.1f%% over %d attempts after", t,
                pct(before.successRate()), before.attempts(), pct(after.successRate()), after.attempts()));
        sb.append(comparable ? String.format(Locale.ROOT, " (%s, which it left alone: %.1f%% → %.1f%%)",
                c.affectedControlName(), pct(control.before().successRate()), pct(control.after().successRate()))
                : " (too little traffic of " + c.affectedControlName() + " to compare with)");
        sb.append(String.format(Locale.ROOT, "; where it went (%s) %.1f%% → %.1f%%", c.destinationName(),
                pct(moved.before().successRate()), pct(moved.after().successRate())));
        if (movedComparable) {
            double beyond = moved.successMove() - movedControl.successMove();
            sb.append(String.format(Locale.ROOT, " against %.1f%% → %.1f%% for %s: %+.1f points beyond them",
                    pct(movedControl.before().successRate()), pct(movedControl.after().successRate()),
                    c.destinationControlName(), pct(beyond)));
        } else {
            sb.append(", judged on its own (too little traffic of ").append(c.destinationControlName())
                    .append(" to compare with)");
        }
        sb.append(String.format(Locale.ROOT, "; p95 %.0f ms → %.0f ms", before.meanP95(), after.meanP95()));
        if (p95Measurable(control.before(), control.after())) {
            sb.append(String.format(Locale.ROOT, " (%s %.0f ms → %.0f ms)", c.affectedControlName(),
                    control.before().meanP95(), control.after().meanP95()));
        }
        return new Verdict(outcome, sb.toString(), comparable ? control.before().successRate() : null,
                comparable ? control.after().successRate() : null);
    }

    /** The traffic the change moved is worse off where it went: less success beyond the limit and noise. */
    boolean hurt(RecentHistory.Sum before, RecentHistory.Sum after) {
        if (before.attempts() < limits.minAttempts() || after.attempts() < limits.minAttempts()) {
            return false;
        }
        double diff = after.successRate() - before.successRate();
        return diff < -limits.rollbackSuccessDrop() && diff < -limits.noiseZ() * se(before, after, before.successRate(),
                after.successRate());
    }

    /**
     * The traffic the change moved is worse off where it went (as {@link #hurt(RecentHistory.Sum, RecentHistory.Sum)}),
     * and that fall is its own: less what comparable traffic it left alone went through in the same seconds, it
     * still exceeds the limit and the noise of all four samples (the standard error of the difference in
     * differences). The control can clear a change of a fall everything shared; it never convicts one whose moved
     * traffic did not get worse, only better less than traffic elsewhere (a fault ending on the control, or the
     * control's own noise, would otherwise roll back a good change).
     */
    boolean hurt(RecentHistory.Sum before, RecentHistory.Sum after, RecentHistory.Sum controlBefore,
                 RecentHistory.Sum controlAfter) {
        if (!hurt(before, after)) {
            return false;
        }
        double beyond = (after.successRate() - before.successRate())
                - (controlAfter.successRate() - controlBefore.successRate());
        double se = didSe(before.successes(), before.attempts(), after.successes(), after.attempts(),
                controlBefore.successes(), controlBefore.attempts(), controlAfter.successes(), controlAfter.attempts());
        return beyond < -limits.rollbackSuccessDrop() && beyond < -limits.noiseZ() * se;
    }

    /** The affected traffic as a whole got much slower (latency is judged on whole segments: it cannot be split). */
    boolean slower(RecentHistory.Sum before, RecentHistory.Sum after) {
        return p95Measurable(before, after) && after.meanP95() > before.meanP95() * limits.rollbackLatencyRise();
    }

    /**
     * Much slower on its own and relative to comparable traffic: its p95 grew by the limit's factor more than the
     * control's did (a latency spike on all traffic slows both). Judged on its own when the control has too few
     * seconds of latency.
     */
    boolean slower(RecentHistory.Sum before, RecentHistory.Sum after, RecentHistory.Sum controlBefore,
                   RecentHistory.Sum controlAfter) {
        if (!slower(before, after)) {
            return false;
        }
        if (!p95Measurable(controlBefore, controlAfter) || !(controlBefore.meanP95() > 0)) {
            return true;
        }
        double controlRise = controlAfter.meanP95() / controlBefore.meanP95();
        return after.meanP95() > before.meanP95() * controlRise * limits.rollbackLatencyRise();
    }

    private boolean p95Measurable(RecentHistory.Sum before, RecentHistory.Sum after) {
        return before.seconds() >= limits.minP95SecondsBefore() && after.seconds() >= limits.minP95SecondsAfter();
    }

    /** Technical failures of the affected traffic fell beyond noise: helped; too few samples: inconclusive. */
    Outcome helped(RecentHistory.Sum before, RecentHistory.Sum after) {
        if (before.attempts() < limits.minAttempts() || after.attempts() < limits.minHelpedAttempts()) {
            return Outcome.INCONCLUSIVE;
        }
        double drop = before.technicalRate() - after.technicalRate();
        return drop > Math.max(limits.minHelp(), limits.noiseZ() * se(before, after, before.technicalRate(), after.technicalRate()))
                ? Outcome.HELPED : Outcome.NEUTRAL;
    }

    /**
     * Technical failures of the affected traffic fell beyond what they did on comparable traffic it left alone in
     * the same seconds, by more than {@code minHelp} and the noise of both: helped; too few samples: inconclusive.
     */
    Outcome helped(RecentHistory.Sum before, RecentHistory.Sum after, RecentHistory.Sum controlBefore,
                   RecentHistory.Sum controlAfter) {
        if (before.attempts() < limits.minAttempts() || after.attempts() < limits.minHelpedAttempts()) {
            return Outcome.INCONCLUSIVE;
        }
        double drop = (before.technicalRate() - after.technicalRate())
                - (controlBefore.technicalRate() - controlAfter.technicalRate());
        double se = didSe(before.technicalFailures(), before.attempts(), after.technicalFailures(), after.attempts(),
                controlBefore.technicalFailures(), controlBefore.attempts(), controlAfter.technicalFailures(),
                controlAfter.attempts());
        return drop > Math.max(limits.minHelp(), limits.noiseZ() * se) ? Outcome.HELPED : Outcome.NEUTRAL;
    }

    private static double se(RecentHistory.Sum a, RecentHistory.Sum b, double pa, double pb) {
        double p = (pa * a.attempts() + pb * b.attempts()) / (a.attempts() + b.attempts());
        return Math.sqrt(Math.max(1e-9, p * (1 - p)) * (1.0 / a.attempts() + 1.0 / b.attempts()));
    }

    /**
     * Standard error of (p1 − p0) − (q1 − q0) for four independent binomial samples (k of n each). Each variance
     * uses (k + 1) / (n + 2) for the rate, so a side that happened to see no failures still counts as noisy.
     */
    static double didSe(long k0, long n0, long k1, long n1, long c0, long m0, long c1, long m1) {
        return Math.sqrt(variance(k0, n0) + variance(k1, n1) + variance(c0, m0) + variance(c1, m1));
    }

    private static double variance(long k, long n) {
        double p = (k + 1.0) / (n + 2.0);
        return p * (1 - p) / n;
    }

    static String situation(ActiveAction a) {
        return a.diagnosis.key() + " on " + String.join("+", a.target().values().keySet().stream()
                .map(d -> d.key()).toList());
    }

    private static double pct(double v) {
        return Double.isNaN(v) ? Double.NaN : v * 100;
    }
}
