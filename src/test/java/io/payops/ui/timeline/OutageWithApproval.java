package io.payops.ui.timeline;

import io.payops.domain.ApprovalRequest;
import io.payops.domain.Command;
import io.payops.domain.FaultSpec;
import io.payops.domain.FaultType;
import io.payops.domain.Frame;
import io.payops.domain.Target;
import io.payops.engine.Engine;
import io.payops.ui.fx.TestFrames;

import java.util.ArrayList;
import java.util.List;

/**
 * The Stripe outage (seed 7) with manual approvals: at 302 s the agent shifts half of Stripe's traffic alone and asks
 * to open Stripe's circuit. After 330 s the operator approves that request, injects a latency spike on Adyen
 * ("chaos-1") and, by mistake, answers a request that does not exist (999); then 10 more seconds run, in which the
 * agent may see the spike and act on it (with seed 7 it alerts on Adyen at 332 s), so tests pick rows by what they
 * say, not by position.
 */
record OutageWithApproval(List<Frame> frames, long requestId) {
    static OutageWithApproval run() {
        Engine engine = TestFrames.engine("stripe-outage", 7);
        List<Frame> frames = new ArrayList<>(TestFrames.step(engine, 330));
        List<ApprovalRequest> pending = frames.get(frames.size() - 1).step().pendingApprovals();
        if (pending.size() != 1) {
            throw new AssertionError("expected the open_circuit request to wait for a human: " + pending);
        }
        long id = pending.get(0).actionId();
        engine.submit(new Command.Decide(id, true, "operator"));
        engine.submit(new Command.AddFault(new FaultSpec(FaultType.LATENCY_SPIKE, Target.gateway("adyen"), 0, 60, 0, 3, 0),
                true, "chaos-1"));
        engine.submit(new Command.Decide(999, true, "operator"));
        frames.addAll(TestFrames.step(engine, 10));
        return new OutageWithApproval(List.copyOf(frames), id);
    }
}
