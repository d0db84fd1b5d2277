package io.payops.engine;

import io.payops.domain.ActiveFault;
import io.payops.domain.SimTotals;
import io.payops.sim.GroundTruth;
import io.payops.sim.Simulator;
import io.payops.sim.TrafficSource;

import java.util.List;

/** The simulator as the engine's traffic: closed loop, ending with its scenario. */
final class SimulatedTraffic implements TrafficSource {
    private final Simulator simulator;
    private final long endMillis;

    SimulatedTraffic(Simulator simulator) {
        this.simulator = simulator;
        this.endMillis = simulator.scenario().durationSeconds() * 1000L;
    }

    @Override
    public long nowMillis() {
        return simulator.nowMillis();
    }

    @Override
    public void advanceTo(long untilMillis) {
        simulator.advanceTo(untilMillis);
    }

    @Override
    public long nextTickEnd(long nowMillis, long tickMillis) {
        return Math.min(endMillis, nowMillis + tickMillis);
    }

    @Override
    public boolean finished() {
        return simulator.nowMillis() >= endMillis;
    }

    @Override
    public SimTotals totals() {
        return simulator.totals();
    }

    @Override
    public List<ActiveFault> activeFaults() {
        return simulator.faults().active();
    }

    @Override
    public GroundTruth groundTruth() {
        return simulator.groundTruth();
    }
}
