package io.payops.report;

import io.payops.domain.Attempt;
import io.payops.domain.FaultSpec;
import io.payops.domain.FaultType;
import io.payops.sim.AttemptSink;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;

/**
 * How visible each fault of a run was, from the attempts on its own target in the run where nothing acts
 * ({@code static}): the rate of the fault's symptom in the five minutes before it started ({@code p0}) and while it
 * was on at full strength ({@code p1}), and from those the sequential test's bound (DESIGN §9, {@link DetectionBound})
 * in seconds at that target's own attempt rate. The symptom is a failed attempt, or for a latency spike an attempt
 * slower than the target's own p90 before the fault (10% of attempts normally). A fault is <em>visible</em> when the
 * bound is at most half its full-strength duration: a sequential test could tell it from normal while it lasted.
 * Barely visible faults stay in the random worlds (nothing must be done about what cannot be seen), but a detector
 * is only held to what a sequential test could see.
 */
public final class FaultVisibility implements AttemptSink {
    static final int BEFORE_SECONDS = 300;
    /** Share of the fault's full-strength time the sequential bound may take for the fault to count as visible. */
    public static final double VISIBLE_SHARE = 0.5;

    /** One fault's figures; {@code boundSeconds} is null when its symptom did not rise (or there was no traffic). */
    public record Figures(double p0, double p1, double attemptsPerSecond, Double boundSeconds, boolean visible) {
    }

    private final List<FaultSpec> faults;
    private final long[][] counts;
    private final Histogram[] before;
    private final double[] slowMillis;

    public FaultVisibility(List<FaultSpec> faults) {
        this.faults = List.copyOf(faults);
        this.counts = new long[faults.size()][4];
        this.before = new Histogram[faults.size()];
        this.slowMillis = new double[faults.size()];
        for (int i = 0; i < before.length; i++) {
            before[i] = new Histogram(3);
            slowMillis[i] = Double.NaN;
        }
    }

    @Override
    public void accept(Attempt a) {
        double second = a.tsMillis() / 1000.0;
        for (int i = 0; i < faults.size(); i++) {
            FaultSpec f = faults.get(i);
            if (!f.target().matches(a.gateway(), a.issuer(), a.network(), a.method(), a.merchant())) {
                continue;
            }
            boolean latency = f.type() == FaultType.LATENCY_SPIKE;
            if (second >= f.startSecond() - BEFORE_SECONDS && second < f.startSecond()) {
                counts[i][0]++;
                counts[i][1] += symptom(a, latency, i, true) ? 1 : 0;
            } else if (second >= f.startSecond() + f.rampSeconds() && second < f.endSecond()) {
                counts[i][2]++;
                counts[i][3] += symptom(a, latency, i, false) ? 1 : 0;
            }
        }
    }

    private boolean symptom(Attempt a, boolean latency, int i, boolean beforeFault) {
        if (!latency) {
            return !a.status().success();
        }
        if (beforeFault) {
            before[i].recordValue(Math.max(1, a.latencyMs()));
            return false; // counted as 10% once the p90 is known
        }
        if (Double.isNaN(slowMillis[i])) {
            slowMillis[i] = before[i].getTotalCount() == 0 ? Double.POSITIVE_INFINITY : before[i].getValueAtPercentile(90);
        }
        return a.latencyMs() > slowMillis[i];
    }

    public List<Figures> figures() {
        List<Figures> out = new ArrayList<>();
        for (int i = 0; i < faults.size(); i++) {
            FaultSpec f = faults.get(i);
            long[] c = counts[i];
            double p0 = f.type() == FaultType.LATENCY_SPIKE ? 0.1 : c[0] == 0 ? Double.NaN : (double) c[1] / c[0];
            double p1 = c[2] == 0 ? Double.NaN : (double) c[3] / c[2];
            double fullSeconds = Math.max(1, f.durationSeconds() - f.rampSeconds());
            double rate = c[2] / fullSeconds;
            Double bound = null;
            if (c[0] > 0 && c[2] > 0 && p1 > p0 && rate > 0) {
                double attempts = DetectionBound.attempts(Math.max(0.001, p0), Math.min(0.999, p1));
                bound = Double.isFinite(attempts) ? attempts / rate : null;
            }
            boolean visible = bound != null && bound <= VISIBLE_SHARE * fullSeconds;
            out.add(new Figures(p0, p1, rate, bound, visible));
        }
        return out;
    }
}
