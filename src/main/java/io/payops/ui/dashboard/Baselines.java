package io.payops.ui.dashboard;

import io.payops.domain.Frame;
import io.payops.domain.SegmentReference;
import io.payops.domain.SegmentStats;
import io.payops.domain.Target;

import java.util.HashMap;
import java.util.Map;

/**
 * The baseline the tiles, the charts and the issuer bars compare with, for one frame: the agent's own references
 * ({@link Frame#references()}), held still while their segment is in alarm, so the console's "normal" is the
 * detector's and never drifts into an incident. A segment without a reference (a recording made before them, a
 * policy without a detector, a segment too young to have one) falls back to the observer's baseline window.
 */
final class Baselines {
    /** One segment's baseline: success as a share of attempts, p95 in ms (NaN when unknown), held or learning. */
    record Baseline(double successRate, double p95Ms, boolean held) {
    }

    private final Map<Target, Baseline> byTarget = new HashMap<>();

    private Baselines() {
    }

    static Baselines of(Frame f) {
        Baselines b = new Baselines();
        // the observer's window first, then the agent's references over it: a segment still too young for a
        // reference of its own (a small issuer in the first minutes) keeps a bar rather than none
        if (f.snapshot() != null) {
            b.put(Target.ALL, f.snapshot().baselineTotal());
            f.snapshot().baselineSegments().forEach(s -> b.put(s.target(), s));
        }
        for (SegmentReference r : f.references()) {
            b.byTarget.put(r.target(), new Baseline(r.successRate(), r.p95Ms(), r.held()));
        }
        return b;
    }

    private void put(Target target, SegmentStats s) {
        if (s != null && s.attempts() > 0) {
            byTarget.put(target, new Baseline(s.successRate(), s.p95() > 0 ? s.p95() : Double.NaN, false));
        }
    }

    /** The segment's baseline, or null when there is none yet. */
    Baseline of(Target target) {
        return byTarget.get(target);
    }

    Baseline total() {
        return of(Target.ALL);
    }
}
