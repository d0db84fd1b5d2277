package io.payops.agent.detect;

import io.payops.agent.AgentConfig;
import io.payops.domain.Anomaly;
import io.payops.domain.AnomalyKind;
import io.payops.domain.SegmentStats;
import io.payops.domain.Snapshot;
import io.payops.domain.Status;
import io.payops.domain.Target;

import java.util.ArrayList;
import java.util.List;

/**
 * The detect step for a single snapshot, with no history (so no sequential test): each segment's window against
 * its references, once.
 * <ul>
 * <li>Technical failures and customer declines: a one-sided binomial test, the log-likelihood ratio
 * n · KL(observed ‖ expected), against ln(segments tested / {@code falseAlarm}) — a Bonferroni bound that keeps
 * the chance of any false alarm across all segments below 0.1%. A rise must also be at least {@code minRise}
 * in that kind of failure and in failures overall: at large volume a trivial rise is significant, and a rise in
 * one kind of failure that is not a rise in failures (the mix changed, not the losses) is not trouble.</li>
 * <li>Latency: window p95 at least {@code latencyRatio} (1.8) × the reference, over at least
 * {@code minLatencyAttempts} attempts.</li>
 * <li>Retry amplification: attempts per payment at least {@code retryRise} (0.08) above the reference, over at
 * least {@code minRetryPayments} payments.</li>
 * </ul>
 * The limits are {@link AgentConfig.SnapshotTest}'s.
 */
public final class SnapshotDetector {
    /** The anomalies, most significant first, with how many segments were tested and the threshold that gave. */
    public record Result(List<Anomaly> anomalies, int segmentsTested, double threshold) {
        public Result {
            anomalies = List.copyOf(anomalies);
        }
    }

    private final AgentConfig.SnapshotTest limits;
    private final AgentConfig.Detection detection;

    public SnapshotDetector(AgentConfig config) {
        this.limits = config.snapshotTest();
        this.detection = config.detection();
    }

    /** The Bonferroni threshold for a number of segments tested. */
    public double threshold(int segmentsTested) {
        return Math.log(Math.max(1, segmentsTested) / limits.falseAlarm());
    }

    public Result detect(Snapshot snapshot, References refs) {
        List<SegmentStats> tested = new ArrayList<>();
        boolean allEstablished = refs.established(Target.ALL);
        List<SegmentStats> candidates = new ArrayList<>();
        candidates.add(snapshot.total());
        candidates.addAll(snapshot.segments());
        for (SegmentStats w : candidates) {
            if (w != null && w.attempts() >= limits.minAttempts() && (allEstablished || refs.established(w.target()))
                    && !Double.isNaN(refs.technicalRate(w.target()))) {
                tested.add(w);
            }
        }
        double h = threshold(tested.size());
        long since = Math.max(0, snapshot.atMillis() - snapshot.windowSeconds() * 1000L);
        List<Anomaly> out = new ArrayList<>();
        for (SegmentStats w : tested) {
            Target t = w.target();
            double failRise = failureShare(w) - (refs.technicalRate(t) + refs.declineRate(t));
            rateTest(out, AnomalyKind.TECHNICAL_FAILURES, w, StatusMix.technicalShare(w), refs.technicalRate(t), failRise, h,
                    refs, since);
            rateTest(out, AnomalyKind.CUSTOMER_DECLINES, w, StatusMix.declineShare(w), refs.declineRate(t), failRise, h,
                    refs, since);
            double p95 = refs.p95(t);
            if (w.attempts() >= limits.minLatencyAttempts() && p95 > 0 && w.p95() >= detection.latencyRatio() * p95) {
                out.add(new Anomaly(AnomalyKind.LATENCY, t, w.p95(), p95, w.p95() / p95, w.attempts(),
                        Status.BANK_TIMEOUT, StatusMix.shares(w), since));
            }
            double apm = refs.attemptsPerPayment(t);
            if (w.payments() >= limits.minRetryPayments() && apm > 0 && w.attemptsPerPayment() >= apm + detection.retryRise()) {
                out.add(new Anomaly(AnomalyKind.RETRY_AMPLIFICATION, t, w.attemptsPerPayment(), apm,
                        w.attemptsPerPayment() / apm, w.payments(), StatusMix.dominant(w, st -> refs.statusRate(w.target(), st), false), StatusMix.shares(w), since));
            }
        }
        out.sort((a, b) -> Double.compare(b.score(), a.score()));
        return new Result(out, tested.size(), h);
    }

    private void rateTest(List<Anomaly> out, AnomalyKind kind, SegmentStats w, double observed, double expected,
                                 double failureRise, double threshold, References refs, long since) {
        if (Double.isNaN(expected) || observed - expected < limits.minRise() || failureRise < limits.minRise()) {
            return;
        }
        double q = Math.min(0.99, Math.max(0.002, expected));
        double llr = observed > q ? w.attempts() * kl(observed, q) : 0;
        if (llr >= threshold) {
            boolean customer = kind == AnomalyKind.CUSTOMER_DECLINES;
            out.add(new Anomaly(kind, w.target(), observed, expected, llr, w.attempts(), StatusMix.dominant(w, st -> refs.statusRate(w.target(), st), customer),
                    StatusMix.shares(w), since));
        }
    }

    /** KL divergence between Bernoulli(p) and Bernoulli(q). */
    static double kl(double p, double q) {
        double a = p <= 0 ? 0 : p * Math.log(p / q);
        double b = p >= 1 ? 0 : (1 - p) * Math.log((1 - p) / (1 - q));
        return a + b;
    }

    static double failureShare(SegmentStats w) {
        return w.attempts() == 0 ? 0 : (double) (w.attempts() - w.successes()) / w.attempts();
    }




}
