package io.payops.report;

import io.payops.domain.Detection;
import io.payops.domain.FaultSpec;
import io.payops.domain.Target;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches a run's detections to its injected faults honestly. A detection <em>names</em> a fault when it says the
 * fault's type on exactly the fault's target while the fault is on (or its failures are still in the 60 s window).
 * A fault is:
 * <ul>
 * <li><b>diagnosed</b> when detections name it at least as often as the policy said any one other thing about its
 * traffic that names no fault (its settled view, not a passing remark); detected at the first detection naming it;</li>
 * <li><b>misdiagnosed</b> when the policy's settled view of its traffic names no fault: the report says what it was
 * taken for (the settled view), and detects it at the first detection on its traffic that names no other fault
 * (whatever that one said);</li>
 * <li><b>missed</b> when nothing was said of its traffic but what names other faults: a fault that starts under an
 * overlapping one is no longer "detected" by that one's alarm.</li>
 * </ul>
 * Detections of something on traffic no fault touched are false alarms, one per episode (the same diagnosis and
 * target said again within {@link #EPISODE_GAP_MILLIS}).
 */
final class FaultAttribution {
    /** A fault's failures stay in the observer's 60 s window this long after it ends. */
    static final long ECHO_MILLIS = 60_000;
    /** Detections of the same thing closer than this are one alarm, not several. */
    static final long EPISODE_GAP_MILLIS = 60_000;

    enum Verdict {
        DIAGNOSED, MISDIAGNOSED, MISSED;

        String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What became of one fault: the detection it is credited with (null when missed). */
    record Match(Verdict verdict, Detection first, Detection settled) {
    }

    private FaultAttribution() {
    }

    /**
     * Whether a detection names a fault: its exact target, and the diagnosis the fault's type reads as on that target
     * ({@link io.payops.domain.Diagnosis#fitTo}: the simulator may inject gateway errors on an issuer's traffic, which
     * the agent rightly calls that issuer's degradation).
     */
    static boolean names(Detection d, FaultSpec f) {
        return d.diagnosis() == io.payops.domain.Diagnosis.naming(f.type()).fitTo(f.target())
                && d.target().equals(f.target()) && during(d, f);
    }

    private static boolean during(Detection d, FaultSpec f) {
        long start = Math.round(f.startSecond() * 1000);
        long end = Math.round(f.endSecond() * 1000);
        return d.atMillis() >= start && d.atMillis() <= end + ECHO_MILLIS;
    }

    private static boolean namesAny(Detection d, Iterable<FaultSpec> faults) {
        for (FaultSpec f : faults) {
            if (names(d, f)) {
                return true;
            }
        }
        return false;
    }

    static Match match(FaultSpec fault, List<FaultSpec> all, List<Detection> detections) {
        List<Detection> named = new ArrayList<>();
        List<Detection> other = new ArrayList<>();
        for (Detection d : detections) {
            if (!d.diagnosis().isIncident() || !during(d, fault) || !d.target().overlaps(fault.target())) {
                continue;
            }
            if (names(d, fault)) {
                named.add(d);
            } else if (!namesAny(d, all)) {
                other.add(d);
            }
        }
        Map.Entry<String, List<Detection>> view = mostSaid(other);
        if (!named.isEmpty() && (view == null || named.size() >= view.getValue().size())) {
            return new Match(Verdict.DIAGNOSED, named.get(0), named.get(0));
        }
        if (view != null) {
            Detection first = named.isEmpty() || other.get(0).atMillis() < named.get(0).atMillis()
                    ? other.get(0) : named.get(0);
            return new Match(Verdict.MISDIAGNOSED, first, view.getValue().get(0));
        }
        return new Match(Verdict.MISSED, null, null);
    }

    /** The diagnosis and target said most often (ties: the one said first), with its detections in order. */
    private static Map.Entry<String, List<Detection>> mostSaid(List<Detection> list) {
        Map<String, List<Detection>> byKey = new LinkedHashMap<>();
        for (Detection d : list) {
            byKey.computeIfAbsent(d.diagnosis() + "|" + d.target(), k -> new ArrayList<>()).add(d);
        }
        Map.Entry<String, List<Detection>> best = null;
        for (Map.Entry<String, List<Detection>> e : byKey.entrySet()) {
            if (best == null || e.getValue().size() > best.getValue().size()) {
                best = e;
            }
        }
        return best;
    }

    /** Alarms about traffic no fault touched at the time, one per episode, in order. */
    static List<FalseAlarm> falseAlarms(List<FaultSpec> faults, List<Detection> detections) {
        Map<String, FalseAlarm> open = new LinkedHashMap<>();
        List<FalseAlarm> out = new ArrayList<>();
        for (Detection d : detections) {
            if (!d.diagnosis().isIncident() || touchesAFault(d, faults)) {
                continue;
            }
            String key = d.diagnosis() + "|" + d.target();
            FalseAlarm last = open.get(key);
            if (last != null && d.atMillis() - last.lastMillis() <= EPISODE_GAP_MILLIS) {
                FalseAlarm longer = last.until(d.atMillis());
                open.put(key, longer);
                out.set(out.indexOf(last), longer);
            } else {
                FalseAlarm a = new FalseAlarm(d.atMillis(), d.atMillis(), d.diagnosis().key(), d.target());
                open.put(key, a);
                out.add(a);
            }
        }
        out.sort(Comparator.comparingLong(FalseAlarm::firstMillis));
        return out;
    }

    private static boolean touchesAFault(Detection d, List<FaultSpec> faults) {
        for (FaultSpec f : faults) {
            if (during(d, f) && d.target().overlaps(f.target())) {
                return true;
            }
        }
        return false;
    }

    /** One false alarm: what was said, on what, from when to when (simulated milliseconds). */
    record FalseAlarm(long firstMillis, long lastMillis, String diagnosis, Target target) {
        FalseAlarm until(long millis) {
            return new FalseAlarm(firstMillis, millis, diagnosis, target);
        }
    }
}
