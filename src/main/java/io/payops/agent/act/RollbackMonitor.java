package io.payops.agent.act;

import io.payops.agent.AgentConfig;
import io.payops.agent.learn.LessonStore;
import io.payops.domain.ActionStatus;
import io.payops.domain.Lesson;
import io.payops.domain.Outcome;
import io.payops.domain.Target;

import java.util.Locale;

/**
 * The verify step for fresh changes. {@code evaluationSeconds} after a change it looks at two things. Where the
 * traffic went (the affected traffic outside the changed path, e.g. SBI's payments on the other gateways): if it
 * is now worse than it was before the change, by more than the limit and beyond noise, or much slower, the change
 * hurt and is rolled back to the exact earlier routing. And the affected traffic as a whole: if its technical
 * failures fell beyond noise since the trouble began, the change helped. A change is "helped" only with measured
 * evidence; too few samples is "inconclusive". The lesson records the numbers.
 */
public final class RollbackMonitor {
    private static final long MIN_SAMPLES = 30;
    /** Seconds after a change before its effect is counted, so retries in flight do not blur it. */
    private static final long SETTLE_MILLIS = 5000;

    private final AgentConfig config;
    private final RecentHistory history;
    private final Executor executor;
    private final LessonStore lessons;

    public RollbackMonitor(AgentConfig config, RecentHistory history, Executor executor, LessonStore lessons) {
        this.config = config;
        this.history = history;
        this.executor = executor;
        this.lessons = lessons;
    }

    public void tick(ActionsInForce actions, long now, VerifyResult out) {
        for (ActiveAction a : actions.inForce()) {
            if (a.phase != ActiveAction.Phase.EVALUATING || now - a.executedAtMillis < config.evaluationSeconds() * 1000L) {
                continue;
            }
            Target t = a.evaluationTarget();
            RecentHistory.Sum before = history.sum(t, a.beforeFromMillis, a.executedAtMillis);
            RecentHistory.Sum after = history.sum(t, a.executedAtMillis + SETTLE_MILLIS, now);
            Target source = a.sourceTarget();
            RecentHistory.Sum destBefore = before;
            RecentHistory.Sum destAfter = after;
            if (source != null) {
                destBefore = before.minus(history.sum(source, a.beforeFromMillis, a.executedAtMillis));
                destAfter = after.minus(history.sum(source, a.executedAtMillis + SETTLE_MILLIS, now));
            }
            Outcome outcome = hurt(destBefore, destAfter) || slower(before, after) ? Outcome.HURT : helped(before, after);
            String numbers = String.format(Locale.ROOT, "success on %s was %.1f%% over %d attempts before and %.1f%% over "
                            + "%d attempts after; p95 %.0f ms → %.0f ms", t, pct(before.successRate()), before.attempts(),
                    pct(after.successRate()), after.attempts(), before.meanP95(), after.meanP95());
            lessons.add(new Lesson(situation(a), a.diagnosis, a.record.action().type(), outcome,
                    before.successRate(), after.successRate(), after.attempts(), now));
            if (outcome == Outcome.HURT) {
                executor.revert(a.record.action(), a.before, a.after);
                a.phase = ActiveAction.Phase.DONE;
                a.record = ActionsInForce.updated(a.record, ActionStatus.ROLLED_BACK, Outcome.HURT.key(), now,
                        "rolled back: " + numbers);
                actions.touched(a.target(), now);
                out.sentences().add("Rolled back " + a.record.action().describe() + ": it made things worse (" + numbers + ").");
            } else {
                a.phase = ActiveAction.Phase.IN_FORCE;
                a.nextProbeAtMillis = a.executedAtMillis + config.probeAfterSeconds() * 1000L;
                a.record = a.record.withOutcome(outcome.key(), now);
                out.sentences().add("Checked " + a.record.action().describe() + ": " + outcome.key() + " (" + numbers + ").");
            }
            out.records().add(a.record);
        }
    }

    /** The traffic the change moved is worse off where it went: less success beyond the limit and noise. */
    boolean hurt(RecentHistory.Sum before, RecentHistory.Sum after) {
        if (before.attempts() < 10 || after.attempts() < 10) {
            return false;
        }
        double diff = after.successRate() - before.successRate();
        return diff < -config.rollbackSuccessDrop() && diff < -2 * se(before, after, before.successRate(),
                after.successRate());
    }

    /** The affected traffic as a whole got much slower (latency is judged on whole segments: it cannot be split). */
    boolean slower(RecentHistory.Sum before, RecentHistory.Sum after) {
        return before.seconds() >= 3 && after.seconds() >= 10
                && after.meanP95() > before.meanP95() * config.rollbackLatencyRise();
    }

    /** Technical failures of the affected traffic fell beyond noise: helped; too few samples: inconclusive. */
    Outcome helped(RecentHistory.Sum before, RecentHistory.Sum after) {
        if (before.attempts() < 10 || after.attempts() < MIN_SAMPLES) {
            return Outcome.INCONCLUSIVE;
        }
        double drop = before.technicalRate() - after.technicalRate();
        return drop > Math.max(0.005, 2 * se(before, after, before.technicalRate(), after.technicalRate()))
                ? Outcome.HELPED : Outcome.NEUTRAL;
    }

    private static double se(RecentHistory.Sum a, RecentHistory.Sum b, double pa, double pb) {
        double p = (pa * a.attempts() + pb * b.attempts()) / (a.attempts() + b.attempts());
        return Math.sqrt(Math.max(1e-9, p * (1 - p)) * (1.0 / a.attempts() + 1.0 / b.attempts()));
    }

    static String situation(ActiveAction a) {
        return a.diagnosis.key() + " on " + String.join("+", a.target().values().keySet().stream()
                .map(d -> d.key()).toList());
    }

    private static double pct(double v) {
        return Double.isNaN(v) ? Double.NaN : v * 100;
    }
}
