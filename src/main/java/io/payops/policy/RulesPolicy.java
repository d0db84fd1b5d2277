package io.payops.policy;

import io.payops.domain.Action;
import io.payops.domain.ActionOutcome;
import io.payops.domain.ActionRecord;
import io.payops.domain.ActionStatus;
import io.payops.domain.Approval;
import io.payops.domain.Detection;
import io.payops.domain.Diagnosis;
import io.payops.domain.Dimension;
import io.payops.domain.PolicyStep;
import io.payops.domain.SegmentStats;
import io.payops.domain.Snapshot;
import io.payops.domain.Target;
import io.payops.sim.Routing;
import io.payops.sim.RoutingRefusedException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Baseline {@code rules}: the fixed-threshold rule a payment router ships with today.
 *
 * <p>Every {@value #EVERY_MILLIS} ms of simulated time, from the moment the window is full (60 s into the run with
 * the engine's defaults), it reads the snapshot's window ({@code snapshot.segments()} and {@code snapshot.total()})
 * and checks every single-dimension
 * <em>gateway</em> and <em>issuer</em> segment. A segment <b>fires</b> when all of these hold:
 * <ol>
 *   <li>it has at least {@value #MIN_ATTEMPTS} attempts in the window;</li>
 *   <li>its failure rate {@code f = 1 − successRate} is at least {@value #FAILURE_RATE};</li>
 *   <li>its failures are concentrated there: its share of all failures in the window
 *       {@code s = segmentFailures / allFailures} is at least {@value #MIN_SHARE}, or its failure rate is at least
 *       {@value #MIN_RATIO}× the failure rate {@code r} of the rest of traffic (all traffic minus the segment);</li>
 *   <li>its confidence is at least {@value #MIN_CONFIDENCE}, where
 *       <pre>concentration c = max(s, 1 − r / f)   (clamped to 0..1; the second term is 1 when r = 0)
 * confidence    = min(0.99, c + 0.3)</pre>
 *       The ratio test "f ≥ 2r" is the same as "1 − r/f ≥ 0.5", so rule 3 is {@code c ≥ 0.5} and rule 4 is then
 *       always met: the confidence gate is kept as the issue states it and reported with each detection.</li>
 * </ol>
 * A firing segment is reported as a {@link Detection} (GATEWAY_OUTAGE for a gateway, ISSUER_DEGRADATION for an
 * issuer; target = the segment) at every check while it fires. It acts, most confident segment first:
 * <ul>
 *   <li>gateway segment: {@code routing.shiftAway(gateway, 0.3)};</li>
 *   <li>issuer segment: shift 0.3 away from the gateway with the highest failure rate on that issuer, among the
 *       gateway × issuer segments with at least {@value #PATH_MIN_ATTEMPTS} attempts (no such path: no action).</li>
 * </ul>
 * At most one action per gateway per {@value #COOLDOWN_MILLIS} ms (shifts and restores alike); a firing segment whose
 * gateway is cooling down only gets its detection.
 *
 * <p><b>It restores.</b> A gateway that was shifted away from is restored once the segment that last fired for it has
 * been healthy (not "≥ {@value #MIN_ATTEMPTS} attempts with failure rate ≥ {@value #FAILURE_RATE}") at every check
 * for {@value #HEALTHY_MILLIS} ms: the weight it lost is taken back from the gateways that gained it, in the
 * amounts they gained. The restore is recorded as a recovery (the same shift_traffic action, {@code recovery = true}).
 * A refused change ({@link RoutingRefusedException}) is skipped and tried again at a later check.
 */
public final class RulesPolicy implements Policy {
    public static final long EVERY_MILLIS = 10_000;
    public static final long MIN_ATTEMPTS = 50;
    public static final double FAILURE_RATE = 0.15;
    public static final double MIN_SHARE = 0.5;
    public static final double MIN_RATIO = 2.0;
    public static final double MIN_CONFIDENCE = 0.8;
    public static final double SHIFT_FRACTION = 0.3;
    public static final long COOLDOWN_MILLIS = 300_000;
    public static final long HEALTHY_MILLIS = 300_000;
    public static final long PATH_MIN_ATTEMPTS = 10;

    /** What the rule computed for one gateway or issuer segment with enough attempts and a high failure rate. */
    public record Finding(Target target, long attempts, double failureRate, double failureShare,
                          double restFailureRate, double concentration, double confidence) {
        /** Whether the failures are concentrated on this segment (share ≥ 0.5 or rate ≥ 2× the rest's). */
        public boolean concentrated() {
            return failureShare >= MIN_SHARE
                    || (restFailureRate <= 0 ? failureRate > 0 : failureRate >= MIN_RATIO * restFailureRate);
        }

        public boolean fires() {
            return attempts >= MIN_ATTEMPTS && failureRate >= FAILURE_RATE && concentrated()
                    && confidence >= MIN_CONFIDENCE;
        }

        public Diagnosis diagnosis() {
            return target.has(Dimension.GATEWAY) ? Diagnosis.GATEWAY_OUTAGE : Diagnosis.ISSUER_DEGRADATION;
        }
    }

    /** A gateway the rule shifted traffic away from and has not restored yet. */
    private static final class Shift {
        Target firedBy;
        double moved;
        final Map<String, Double> gained = new LinkedHashMap<>();
        double fractionOfOriginal;
        long healthySince = -1;
    }

    private final Map<String, Long> lastActionAt = new LinkedHashMap<>();
    private final Map<String, Shift> shifts = new LinkedHashMap<>();
    private long lastCheck = Long.MIN_VALUE;
    private long nextId = 1;

    @Override
    public String name() {
        return "rules";
    }

    @Override
    public PolicyStep onTick(PolicyContext ctx) {
        long now = ctx.nowMillis();
        Snapshot snapshot = ctx.snapshot();
        if (lastCheck != Long.MIN_VALUE && now - lastCheck < EVERY_MILLIS) {
            return PolicyStep.NONE;
        }
        if (lastCheck == Long.MIN_VALUE && now < Math.max(EVERY_MILLIS, snapshot.windowSeconds() * 1000L)) {
            return PolicyStep.NONE; // the rule reads a full window; before it has one there is nothing to read
        }
        lastCheck = now;
        Routing routing = ctx.routing();
        List<ActionRecord> records = new ArrayList<>();
        List<Detection> detections = new ArrayList<>();
        List<String> sentences = new ArrayList<>();

        List<Finding> firing = evaluate(snapshot).stream().filter(Finding::fires).toList();
        for (Finding f : firing) {
            detections.add(new Detection(now, f.diagnosis(), f.target(), f.confidence()));
            String why = String.format(Locale.ROOT, "%s failed %.1f%% of %d attempts in the window, %.0f%% of all "
                            + "failures (rest of traffic %.1f%%; confidence %.2f)", f.target(), f.failureRate() * 100,
                    f.attempts(), f.failureShare() * 100, f.restFailureRate() * 100, f.confidence());
            String gateway = f.target().has(Dimension.GATEWAY) ? f.target().get(Dimension.GATEWAY)
                    : worstGatewayFor(snapshot, f.target().get(Dimension.ISSUER));
            if (gateway == null) {
                sentences.add("Rule fired: " + why + "; no gateway path to " + f.target() + " has enough data to shift.");
                continue;
            }
            Long last = lastActionAt.get(gateway);
            if (last != null && now - last < COOLDOWN_MILLIS) {
                sentences.add("Rule fired: " + why + "; " + gateway + " was changed less than 5 minutes ago.");
                continue;
            }
            RecordedShift done = shift(routing, gateway);
            if (done == null) {
                sentences.add("Rule fired: " + why + "; routing refused to shift traffic away from " + gateway + ".");
                continue;
            }
            Shift s = shifts.computeIfAbsent(gateway, g -> new Shift());
            s.firedBy = f.target();
            s.moved += done.moved;
            done.gained.forEach((g, w) -> s.gained.merge(g, w, Double::sum));
            s.fractionOfOriginal = 1 - (1 - s.fractionOfOriginal) * (1 - SHIFT_FRACTION);
            s.healthySince = -1;
            lastActionAt.put(gateway, now);
            String note = "rule fired: " + why;
            records.add(record(now, Action.shiftTraffic(gateway, SHIFT_FRACTION), note, false));
            sentences.add(String.format(Locale.ROOT, "Rule fired: %s; shifted 30%% of %s's traffic away (%.1f%% of all "
                    + "traffic).", why, gateway, done.shareMoved * 100));
        }

        restoreHealthy(now, snapshot, routing, records, sentences);
        if (records.isEmpty() && detections.isEmpty() && sentences.isEmpty()) {
            return PolicyStep.NONE;
        }
        return new PolicyStep(records, detections, sentences, null, List.of(), List.of());
    }

    /**
     * The rule's view of one window: every gateway or issuer segment with at least {@value #MIN_ATTEMPTS} attempts and
     * a failure rate of at least {@value #FAILURE_RATE}, with its concentration and confidence, most confident first
     * (then higher failure rate, then target order). Callers keep those that {@link Finding#fires() fire}.
     */
    public static List<Finding> evaluate(Snapshot snapshot) {
        SegmentStats total = snapshot.total();
        long allAttempts = total == null ? 0 : total.attempts();
        long allFailures = total == null ? 0 : total.failures();
        List<Finding> out = new ArrayList<>();
        for (SegmentStats s : snapshot.segments()) {
            Target t = s.target();
            if (t.size() != 1 || !(t.has(Dimension.GATEWAY) || t.has(Dimension.ISSUER))) {
                continue;
            }
            if (s.attempts() < MIN_ATTEMPTS) {
                continue;
            }
            double f = 1 - s.successRate();
            if (f < FAILURE_RATE) {
                continue;
            }
            double share = allFailures <= 0 ? 1 : Math.min(1, (double) s.failures() / allFailures);
            long restAttempts = allAttempts - s.attempts();
            long restFailures = Math.max(0, allFailures - s.failures());
            double r = restAttempts <= 0 ? 0 : (double) restFailures / restAttempts;
            double ratioTerm = r <= 0 ? 1 : Math.max(0, 1 - r / f);
            double c = Math.min(1, Math.max(share, ratioTerm));
            double confidence = Math.min(0.99, c + 0.3);
            out.add(new Finding(t, s.attempts(), f, share, r, c, confidence));
        }
        out.sort(Comparator.comparingDouble(Finding::confidence).reversed()
                .thenComparing(Comparator.comparingDouble(Finding::failureRate).reversed())
                .thenComparing(Finding::target));
        return out;
    }

    /** The gateway with the highest failure rate on this issuer, among paths with enough attempts; null if none. */
    static String worstGatewayFor(Snapshot snapshot, String issuer) {
        String worst = null;
        double worstRate = -1;
        for (SegmentStats s : snapshot.segments()) {
            Target t = s.target();
            if (t.size() == 2 && t.has(Dimension.GATEWAY) && issuer.equals(t.get(Dimension.ISSUER))
                    && s.attempts() >= PATH_MIN_ATTEMPTS) {
                double f = 1 - s.successRate();
                if (f > worstRate) {
                    worstRate = f;
                    worst = t.get(Dimension.GATEWAY);
                }
            }
        }
        return worst;
    }

    private record RecordedShift(double moved, double shareMoved, Map<String, Double> gained) {
    }

    /** Shifts 30% of a gateway's weight away and works out who gained how much; null when routing refused. */
    private static RecordedShift shift(Routing routing, String gateway) {
        Map<String, Double> before = routing.state().weights();
        double shareMoved;
        try {
            shareMoved = routing.shiftAway(gateway, SHIFT_FRACTION);
        } catch (RoutingRefusedException e) {
            return null;
        }
        Map<String, Double> after = routing.state().weights();
        Map<String, Double> gained = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : after.entrySet()) {
            if (!e.getKey().equals(gateway)) {
                gained.put(e.getKey(), e.getValue() - before.get(e.getKey()));
            }
        }
        return new RecordedShift(before.get(gateway) - after.get(gateway), shareMoved, gained);
    }

    private void restoreHealthy(long now, Snapshot snapshot, Routing routing, List<ActionRecord> records,
                                List<String> sentences) {
        for (Map.Entry<String, Shift> e : List.copyOf(shifts.entrySet())) {
            String gateway = e.getKey();
            Shift s = e.getValue();
            SegmentStats seg = snapshot.segment(s.firedBy);
            boolean unhealthy = seg != null && seg.attempts() >= MIN_ATTEMPTS && 1 - seg.successRate() >= FAILURE_RATE;
            if (unhealthy) {
                s.healthySince = -1;
                continue;
            }
            if (s.healthySince < 0) {
                s.healthySince = now;
            }
            Long last = lastActionAt.get(gateway);
            if (now - s.healthySince < HEALTHY_MILLIS || (last != null && now - last < COOLDOWN_MILLIS)) {
                continue;
            }
            Map<String, Double> next = new LinkedHashMap<>(routing.state().weights());
            next.put(gateway, next.get(gateway) + s.moved);
            s.gained.forEach((g, w) -> next.put(g, Math.max(0, next.get(g) - w)));
            try {
                routing.setWeights(next);
            } catch (RoutingRefusedException refused) {
                continue;
            }
            shifts.remove(gateway);
            lastActionAt.put(gateway, now);
            String note = String.format(Locale.ROOT, "restored %s's weight: %s has been healthy for 5 minutes",
                    gateway, s.firedBy);
            records.add(record(now, Action.shiftTraffic(gateway, s.fractionOfOriginal), note, true));
            sentences.add("Restored " + gateway + "'s traffic: " + s.firedBy + " has been healthy for 5 minutes.");
        }
    }

    private ActionRecord record(long now, Action action, String note, boolean recovery) {
        return new ActionRecord(nextId++, now, action, ActionStatus.EXECUTED, Approval.NONE, ActionOutcome.NOT_APPLICABLE, false, now, note, recovery);
    }
}
