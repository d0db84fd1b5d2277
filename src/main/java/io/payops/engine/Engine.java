package io.payops.engine;

import io.payops.domain.ActiveFault;
import io.payops.domain.FaultSpec;
import io.payops.domain.PolicyStep;
import io.payops.domain.RetryPolicy;
import io.payops.domain.Snapshot;
import io.payops.observe.Observer;
import io.payops.policy.ApprovalHandler;
import io.payops.policy.Policy;
import io.payops.policy.PolicyContext;
import io.payops.sim.AttemptSink;
import io.payops.sim.Routing;
import io.payops.sim.Scenario;
import io.payops.sim.Simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The tick loop. One thread calls {@link #step()}; it owns the simulator, observer, policy and routing, so all of
 * them are single-threaded and deterministic. Other threads only {@link #submit(Command)} commands.
 */
public final class Engine {
    private final Scenario scenario;
    private final Policy policy;
    private final EngineOptions options;
    private final Routing routing;
    private final Simulator simulator;
    private final Observer observer;
    private final Queue<Command> inbox = new ConcurrentLinkedQueue<>();
    private final long endMillis;
    private long tick;
    private Frame last;

    public Engine(Scenario scenario, Policy policy) {
        this(scenario, policy, EngineOptions.DEFAULT, null);
    }

    /** @param tap also receives every attempt (an exporter, a test); may be null */
    public Engine(Scenario scenario, Policy policy, EngineOptions options, AttemptSink tap) {
        this.scenario = scenario;
        this.policy = policy;
        this.options = options;
        this.routing = new Routing(scenario.world(), RetryPolicy.DEFAULT);
        this.observer = new Observer(options.windowSeconds(), options.baselineSeconds());
        AttemptSink sink = tap == null ? observer::record : a -> {
            observer.record(a);
            tap.accept(a);
        };
        this.simulator = new Simulator(scenario, routing, sink);
        this.endMillis = scenario.durationSeconds() * 1000L;
    }

    public void submit(Command command) {
        inbox.add(command);
    }

    public boolean finished() {
        return simulator.nowMillis() >= endMillis;
    }

    public Frame lastFrame() {
        return last;
    }

    public Scenario scenario() {
        return scenario;
    }

    public Policy policy() {
        return policy;
    }

    public EngineOptions options() {
        return options;
    }

    /** Applies queued commands, simulates one tick, observes, lets the policy act, and publishes a frame. */
    public Frame step() {
        long now = simulator.nowMillis();
        List<Command> applied = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Command c;
        while ((c = inbox.poll()) != null) {
            applied.add(c);
            String error = apply(c, now);
            if (error != null) {
                errors.add(error);
            }
        }
        long until = Math.min(endMillis, now + options.tickMillis());
        simulator.advanceTo(until);
        observer.advanceTo(until);
        Snapshot snapshot = observer.snapshot(until);
        List<ActiveFault> active = simulator.faults().active();
        PolicyStep step = policy.onTick(new PolicyContext(until, snapshot, routing,
                policy.readsGroundTruth() ? active : List.of()));
        tick++;
        last = new Frame(tick, until, until >= endMillis, snapshot, routing.state(), active, step,
                simulator.totals(), applied, errors);
        return last;
    }

    /** @return why the command was refused, or null when it was applied */
    private String apply(Command command, long now) {
        try {
            if (command instanceof Command.AddFault add) {
                FaultSpec spec = add.spec();
                if (add.startNow()) {
                    spec = new FaultSpec(spec.type(), spec.target(), now / 1000.0, spec.durationSeconds(),
                            spec.severity(), spec.multiplier(), spec.rampSeconds());
                }
                simulator.faults().add(add.faultId(), spec);
            } else if (command instanceof Command.UpdateFault upd) {
                simulator.faults().update(upd.faultId(), upd.spec());
            } else if (command instanceof Command.RemoveFault rem) {
                if (!simulator.faults().remove(rem.faultId())) {
                    return "no fault with id " + rem.faultId();
                }
            } else if (command instanceof Command.Decide decide) {
                if (!(policy instanceof ApprovalHandler handler)) {
                    return "policy " + policy.name() + " raises no approval requests";
                }
                return handler.decide(decide.actionId(), decide.approve(), decide.who(), now);
            } else if (command instanceof Command.SetRecommendOnly mode) {
                if (!(policy instanceof ApprovalHandler handler)) {
                    return "policy " + policy.name() + " has no recommend-only mode";
                }
                handler.setRecommendOnly(mode.recommendOnly());
            }
            // Pause and SetSpeed act on the live runner's pacing; the engine only records them
            return null;
        } catch (RuntimeException e) {
            return command.getClass().getSimpleName() + " refused: " + e.getMessage();
        }
    }
}
