package io.payops.engine;

import io.payops.domain.ActiveFault;
import io.payops.domain.Command;
import io.payops.domain.Dimension;
import io.payops.domain.FaultSpec;
import io.payops.domain.Frame;
import io.payops.domain.PolicyStep;
import io.payops.domain.RetryPolicy;
import io.payops.domain.Snapshot;
import io.payops.domain.TriageStep;
import io.payops.observe.Observer;
import io.payops.policy.ApprovalHandler;
import io.payops.policy.Policy;
import io.payops.policy.PolicyContext;
import io.payops.sim.AttemptSink;
import io.payops.sim.GroundTruth;
import io.payops.sim.Routing;
import io.payops.sim.Scenario;
import io.payops.sim.Simulator;
import io.payops.sim.TrafficSource;
import io.payops.tickets.TicketGenerator;
import io.payops.tickets.TicketTriage;
import io.payops.tickets.TriageSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * The tick loop. One thread calls {@link #step()}; it owns the traffic source (the simulator or an event log),
 * observer, policy and routing, so all of them are single-threaded and deterministic. Other threads only
 * {@link #submit(Command)} commands. Over an event log the routing is only what the policy recommends: nothing
 * reads it back into the traffic.
 */
public final class Engine {
    private final Scenario scenario;
    private final Policy policy;
    private final EngineOptions options;
    private final Routing routing;
    private final TrafficSource source;
    /** Null when the traffic comes from an event log: chaos then has nothing to act on. */
    private final Simulator simulator;
    private final Observer observer;
    /** Support tickets (issue #8): null when the world has none, or the traffic comes from an event log. */
    private final TicketGenerator ticketGenerator;
    private final TicketTriage ticketTriage;
    private final Queue<Command> inbox = new ConcurrentLinkedQueue<>();
    /** Routing changes the real router acknowledged (over an event log; issue #19). */
    private final RouterAcknowledgements acknowledgements = new RouterAcknowledgements();
    private long tick;
    private Frame last;
    /** Test payments sent without a name of their own, to number them test-N. */
    private long testPayments;

    public Engine(Scenario scenario, Policy policy) {
        this(scenario, policy, EngineOptions.DEFAULT, (AttemptSink) null);
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
        this.source = new SimulatedTraffic(simulator);
        if (scenario.tickets() != null) {
            this.ticketGenerator = new TicketGenerator(scenario.tickets(), scenario.seed(), scenario.world().merchants());
            this.ticketTriage = new TicketTriage(TriageSettings.DEFAULT.withApprovalMode(policy.approvalMode()),
                    scenario.world().names(Dimension.MERCHANT));
        } else {
            this.ticketGenerator = null;
            this.ticketTriage = null;
        }
    }

    private Engine(Scenario scenario, Policy policy, EngineOptions options, Function<AttemptSink, TrafficSource> sources) {
        this.scenario = scenario;
        this.policy = policy;
        this.options = options;
        this.routing = new Routing(scenario.world(), RetryPolicy.DEFAULT);
        this.observer = new Observer(options.windowSeconds(), options.baselineSeconds());
        this.simulator = null;
        this.source = sources.apply(observer::record);
        this.ticketGenerator = null;
        this.ticketTriage = null;
    }

    /**
     * An engine over traffic that does not come from the simulator (an event log). {@code scenario} gives the world
     * the policy routes over and the run's name; its faults and traffic are not used.
     *
     * @param sources builds the source around the sink that observes each attempt
     */
    public static Engine over(Scenario scenario, Policy policy, EngineOptions options,
                              Function<AttemptSink, TrafficSource> sources) {
        return new Engine(scenario, policy, options, sources);
    }

    public void submit(Command command) {
        inbox.add(command);
    }

    public boolean finished() {
        return source.finished();
    }

    /** Whether the next tick can be taken now (false while a followed file has not caught up). */
    public boolean ready() {
        return source.ready(source.nextTickEnd(source.nowMillis(), options.tickMillis()));
    }

    /** Attempts the observer dropped because they came after their second had left the window. */
    public long lateAttempts() {
        return observer.lateDropped();
    }

    /** Attempts whose dimension value or path was folded into "(other)" (past 1,000 values or paths of a kind). */
    public long foldedValues() {
        return observer.foldedValues();
    }

    /** The engine thread only: the absolute time of time 0 when the traffic has a clock of its own (an event log). */
    public java.time.Instant eventClockOrigin() {
        return source.origin();
    }

    public Frame lastFrame() {
        return last;
    }

    /** The routing this engine's thread owns; package-private, for tests that set a circuit as the agent would. */
    Routing routing() {
        return routing;
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

    /** Applies queued commands, takes one tick of traffic, observes, lets the policy act, and publishes a frame. */
    public Frame step() {
        long now = source.nowMillis();
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
        long until = source.nextTickEnd(now, options.tickMillis());
        source.advanceTo(until);
        observer.advanceTo(until);
        Snapshot snapshot = observer.snapshot(until);
        List<ActiveFault> active = source.activeFaults();
        PolicyStep step = acknowledgements.stamp(policy.onTick(new PolicyContext(until, snapshot, routing,
                policy.readsGroundTruth() ? source.groundTruth() : GroundTruth.NONE)), until);
        // what is normal holds still while trouble is open (the console's baseline line and tiles)
        observer.holdBaseline(!step.incidents().isEmpty());
        TriageStep tickets = null;
        if (ticketTriage != null) {
            // tickets come from the true faults (merchants feel them), then are triaged against the agent's incidents
            tickets = ticketTriage.onTick(until, ticketGenerator.advance(now, until, active), step.incidents());
        }
        tick++;
        last = new Frame(tick, until, source.finished(), snapshot, routing.state(), active, step,
                source.totals(), applied, errors, tickets,
                simulator == null ? List.of() : simulator.drainTestPayments(), policy.references());
        return last;
    }

    private String sendTestPayment(Command.SendTestPayment p, long now) {
        String id = p.testId() != null ? p.testId() : "test-" + (++testPayments);
        simulator.sendTestPayment(id, p.merchant(), p.method(), p.issuer(), p.network(), p.amount(), now);
        return null;
    }

    /** @return why the command was refused, or null when it was applied */
    private String apply(Command command, long now) {
        try {
            if (simulator == null && (command instanceof Command.AddFault || command instanceof Command.UpdateFault
                    || command instanceof Command.RemoveFault)) {
                return "chaos needs simulated traffic; this run reads an event log";
            }
            if (command instanceof Command.RoutingDelivered delivered) {
                return acknowledgements.acknowledge(delivered, simulator != null);
            }
            if (command instanceof Command.SendTestPayment) {
                if (simulator == null) {
                    return "a test payment needs simulated traffic; this run reads an event log, whose payments "
                            + "have already happened";
                }
                return sendTestPayment((Command.SendTestPayment) command, now);
            }
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
            } else if (command instanceof Command.Decide decide && TicketTriage.owns(decide.actionId())) {
                if (ticketTriage == null) {
                    return "no pending ticket action with id " + decide.actionId() + " (this run has no tickets)";
                }
                return decide.approve() ? ticketTriage.approve(decide.actionId(), decide.who(), now)
                        : ticketTriage.reject(decide.actionId(), decide.who(), now);
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
