package io.payops.sim;

import io.payops.domain.ActiveFault;
import io.payops.domain.FaultSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The faults of a running world: the scenario's, plus any added, changed or removed while running (chaos).
 * {@link #refresh(double)} is called once per tick and fixes each fault's intensity for that tick.
 */
public final class FaultBook {
    private final World world;
    private final Map<String, FaultSpec> faults = new LinkedHashMap<>();
    private int chaosCounter;
    private LiveFault[] live = new LiveFault[0];
    private long version;

    /** A fault active in the current tick, compiled for the hot path. */
    record LiveFault(String id, FaultSpec spec, PathIndex path, double intensity) {
        double effectiveSeverity() {
            return Math.min(1, spec.severity() * intensity);
        }

        double effectiveMultiplier() {
            return 1 + (spec.multiplier() - 1) * intensity;
        }
    }

    public FaultBook(World world, List<FaultSpec> scenarioFaults) {
        this.world = world;
        for (int i = 0; i < scenarioFaults.size(); i++) {
            faults.put("f" + (i + 1), scenarioFaults.get(i));
        }
    }

    /**
     * Adds a fault under the given id (null: numbered chaos-N).
     * @throws IllegalArgumentException when a fault with that id exists
     */
    public String add(String wantedId, FaultSpec spec) {
        String id = wantedId == null ? "chaos-" + (++chaosCounter) : wantedId;
        if (faults.containsKey(id)) {
            throw new IllegalArgumentException("a fault with id " + id + " exists already");
        }
        faults.put(id, spec);
        version++;
        return id;
    }

    /** Replaces a fault (e.g. a new severity from a slider). */
    public void update(String id, FaultSpec spec) {
        if (!faults.containsKey(id)) {
            throw new IllegalArgumentException("no fault with id " + id);
        }
        faults.put(id, spec);
        version++;
    }

    public boolean remove(String id) {
        boolean removed = faults.remove(id) != null;
        if (removed) {
            version++;
        }
        return removed;
    }

    /** Every fault known with its id, in insertion order. */
    public List<Map.Entry<String, FaultSpec>> entries() {
        return List.copyOf(faults.entrySet());
    }

    /** Fixes intensities for the tick starting at {@code second}; bumps the version when anything changed. */
    void refresh(double second) {
        LiveFault[] arr = liveAt(second);
        if (!java.util.Arrays.equals(arr, live)) {
            version++;
        }
        live = arr;
    }

    /**
     * The faults that would be active in a tick starting at {@code second}, without fixing them: what
     * {@link #refresh(double)} at that second will make live, unless a fault is added, changed or removed first.
     */
    LiveFault[] liveAt(double second) {
        List<LiveFault> next = new ArrayList<>();
        for (Map.Entry<String, FaultSpec> e : faults.entrySet()) {
            double intensity = e.getValue().intensityAt(second);
            if (intensity > 0) {
                next.add(new LiveFault(e.getKey(), e.getValue(), PathIndex.compile(e.getValue().target(), world), intensity));
            }
        }
        return next.toArray(LiveFault[]::new);
    }

    LiveFault[] live() {
        return live;
    }

    /** Changes whenever the set of active faults or an intensity changes. */
    long version() {
        return version;
    }

    public List<ActiveFault> active() {
        return asActive(live);
    }

    /** Live faults as the rest of the program sees them. */
    static List<ActiveFault> asActive(LiveFault[] faults) {
        List<ActiveFault> out = new ArrayList<>(faults.length);
        for (LiveFault f : faults) {
            out.add(new ActiveFault(f.id(), f.spec(), f.intensity()));
        }
        return out;
    }
}
