package io.payops.ui.approvals;

import io.payops.domain.Approval;
import io.payops.ui.fx.RecordingSink;

import io.payops.domain.ActionRecord;
import io.payops.domain.ActionStatus;
import io.payops.domain.Command;
import io.payops.domain.Frame;
import io.payops.engine.Engine;
import io.payops.ui.fx.FrameBatch;
import io.payops.ui.fx.TestFrames;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The approvals pane's model on a real run: the Stripe outage (seed 7, from 300 s) makes the agent ask to open
 * Stripe's circuit; with manual approvals it waits until our Decide, or until the agent, once half of Stripe's traffic
 * has moved, may open it alone and withdraws the request (t = 424 s). Ended requests linger by a wall clock the test
 * holds, so no verdict depends on real time.
 */
class ApprovalsViewModelTest {
    private Engine engine;
    private RecordingSink sink;
    private ApprovalsViewModel vm;
    private final List<ApprovalItemViewModel> arrivals = new ArrayList<>();
    private final long[] wallNanos = {0};

    @BeforeEach
    void setUp() {
        engine = TestFrames.engine("stripe-outage", 7);
        sink = new RecordingSink(engine);
        vm = new ApprovalsViewModel(sink, () -> wallNanos[0]);
        vm.onSessionStart(TestFrames.session("stripe-outage", 7));
        vm.addArrivalListener(arrivals::add);
    }

    /** Steps one tick at a time, as pulses, until the pane lists a request. */
    private Frame stepUntilPending() {
        for (int i = 0; i < 400; i++) {
            Frame f = engine.step();
            vm.onFrames(FrameBatch.of(f));
            if (!vm.items().isEmpty()) {
                return f;
            }
        }
        throw new AssertionError("no approval request within 400 s");
    }

    private Frame stepOne() {
        Frame f = engine.step();
        vm.onFrames(FrameBatch.of(f));
        return f;
    }

    private static ActionRecord recordOf(Frame f, long id) {
        return f.step().actions().stream().filter(a -> a.id() == id).findFirst().orElse(null);
    }

    @Test
    void listsTheRequestWithACountdownThatFallsEachPulse() {
        assertTrue(vm.emptyProperty().get());
        Frame first = stepUntilPending();
        assertTrue(first.simSeconds() >= 300 && first.simSeconds() <= 340, "raised at " + first.simSeconds());
        assertFalse(vm.emptyProperty().get());
        assertEquals("1 waiting", vm.summaryProperty().get());

        ApprovalItemViewModel item = vm.items().get(0);
        assertEquals(first.step().pendingApprovals().get(0).actionId(), item.actionId());
        assertEquals("open_circuit on gateway=stripe", item.whatProperty().get());
        assertEquals("gateway outage", item.diagnosisProperty().get());
        assertTrue(item.reasonsProperty().get().startsWith("Needs a human: "), item.reasonsProperty().get());
        assertTrue(item.effectProperty().get().matches("now ≈ [+-]\\d+\\.\\d\\d pts success"), item.effectProperty().get());
        assertTrue(item.confidenceProperty().get().endsWith("% confident"));
        long left = item.getSecondsLeft();
        assertTrue(left > 0, "positive countdown");
        assertEquals("expires in " + left + " s", item.expiryProperty().get());
        assertEquals(List.of(item), arrivals, "one arrival event");
        String[] popupLines = item.notificationText().split("\n");
        assertEquals("open_circuit on gateway=stripe", popupLines[0]);
        for (String line : popupLines) {
            assertTrue(line.length() <= 80, "pop-up lines are wrapped: " + line);
        }

        // five ticks delivered as one pulse: the same item, five simulated seconds less
        vm.onFrames(FrameBatch.of(TestFrames.step(engine, 5)));
        assertSame(item, vm.items().get(0), "items are updated in place, not recreated");
        assertEquals(left - 5, item.getSecondsLeft());
        assertEquals(1, arrivals.size(), "no new arrival for a request already shown");
        assertTrue(sink.sent.isEmpty());
    }

    @Test
    void approveSendsOneDecideAndTheNextFrameShowsItExecuted() {
        stepUntilPending();
        ApprovalItemViewModel item = vm.items().get(0);
        long id = item.actionId();

        assertTrue(vm.approve(id));
        assertEquals(List.of(new Command.Decide(id, true, "operator")), sink.sent);
        assertEquals("approval sent…", item.answerTextProperty().get());
        assertFalse(item.isAnswerable());
        assertFalse(vm.approve(id), "no double submit");
        assertFalse(vm.reject(id), "no change of mind once sent");
        assertFalse(vm.approveSelected(), "nothing left to answer by shortcut");
        assertEquals(1, sink.sent.size());

        Frame next = stepOne();
        assertTrue(next.commands().contains(new Command.Decide(id, true, "operator")));
        assertNull(vm.item(id), "the request left the pending set");
        assertEquals("none waiting", vm.summaryProperty().get());
        assertTrue(item.isEnded(), "its card stays a moment to say what came of it");
        assertEquals("approved", item.expiryProperty().get());
        assertTrue(item.endTextProperty().get().startsWith("approved by operator at t="), item.endTextProperty().get());
        assertTrue(item.endTextProperty().get().endsWith("open_circuit on gateway=stripe executed"));
        ActionRecord executed = recordOf(next, id);
        assertNotNull(executed, "the frame publishes the decided action");
        assertEquals(ActionStatus.EXECUTED, executed.status());
        assertEquals(Approval.OPERATOR, executed.approval());
        assertEquals("", vm.messageProperty().get());

        wallNanos[0] += ApprovalsViewModel.LINGER_NANOS;
        stepOne();
        assertTrue(vm.items().isEmpty(), "gone a few seconds later");
        assertTrue(vm.emptyProperty().get());
    }

    @Test
    void rejectIsRecordedAsRejected() {
        stepUntilPending();
        long id = vm.items().get(0).actionId();
        assertTrue(vm.reject(id));
        assertEquals(List.of(new Command.Decide(id, false, "operator")), sink.sent);
        assertEquals("rejection sent…", vm.item(id).answerTextProperty().get());

        Frame next = stepOne();
        assertNull(vm.item(id));
        ActionRecord rejected = recordOf(next, id);
        assertNotNull(rejected);
        assertEquals(ActionStatus.REJECTED, rejected.status());
        assertEquals(Approval.OPERATOR, rejected.approval());
    }

    @Test
    void shortcutAnswersTheSelectedRequestOrElseTheOldest() {
        stepUntilPending();
        long id = vm.items().get(0).actionId();
        assertSame(vm.items().get(0), vm.shortcutTarget(), "no selection: the oldest");
        vm.select(id);
        assertTrue(vm.item(id).selectedProperty().get());
        assertTrue(vm.rejectSelected());
        assertEquals(List.of(new Command.Decide(id, false, "operator")), sink.sent);
        stepOne();
        assertNull(vm.selectedProperty().get(), "the selection goes with its request");
    }

    /** The agent takes the action itself once the guardrails let it: the card says so, with why, and stays a moment. */
    @Test
    void aRequestTheAgentTakesItselfShowsAsWithdrawnWithItsReason() {
        stepUntilPending();
        ApprovalItemViewModel item = vm.items().get(0);
        long id = item.actionId();
        assertSame(item, vm.noticeProperty().get(), "the pop-up announces it");
        Frame left = null;
        while (vm.item(id) != null) {
            left = stepOne();
            assertTrue(left.simMillis() <= item.request().expiresAtMillis(), "gone before its expiry");
        }
        assertTrue(sink.sent.isEmpty());
        assertEquals("", vm.messageProperty().get());
        assertEquals(List.of(item), vm.items(), "still shown, ended");
        assertEquals("withdrawn", item.expiryProperty().get());
        assertEquals("withdrawn: the agent took this action itself at t=" + left.simMillis() / 1000 + " s: the "
                + "guardrails now let it act alone (it had asked because high impact: moves 41% of all traffic)",
                item.endTextProperty().get());
        assertFalse(item.isAnswerable());
        assertFalse(vm.approve(id), "nothing to answer");
        assertNull(vm.noticeProperty().get(), "the pop-up went with it");
        ActionRecord executed = recordOf(left, id);
        assertEquals(Approval.NONE, executed.approval(), "taken alone");
        assertTrue(executed.note().startsWith("request #" + id + " for approval withdrawn: the guardrails now let it "
                + "act alone"), executed.note());

        wallNanos[0] += ApprovalsViewModel.LINGER_NANOS - 1;
        stepOne();
        assertEquals(List.of(item), vm.items(), "not yet: a few seconds of wall time");
        wallNanos[0] += 1;
        stepOne();
        assertTrue(vm.items().isEmpty());
    }

    /** The incident moves on while the request waits: its numbers follow each frame, the raised ones stay. */
    @Test
    void theCardsNumbersFollowTheIncidentAndTheRaisedOnesStay() {
        stepUntilPending();
        ApprovalItemViewModel item = vm.items().get(0);
        String why = item.whyProperty().get();
        String effect = item.effectProperty().get();
        String raised = item.asRaisedProperty().get();
        assertTrue(why.matches("now \\(last \\d+ s\\): GATEWAY_ERROR is .*"), why);
        assertTrue(why.contains(" of attempts on gateway=stripe against "), why);
        assertTrue(effect.startsWith("now ≈ +"), effect);
        assertTrue(item.shareProperty().get().matches("moves \\d+% of traffic now"), item.shareProperty().get());
        assertTrue(raised.startsWith("as raised at t=303 s: GATEWAY_ERROR alone is 27.3% of attempts on gateway=stripe "),
                raised);
        assertTrue(raised.endsWith("; +0.53 pts success on all traffic"), raised);

        vm.onFrames(FrameBatch.of(TestFrames.step(engine, 20)));
        assertFalse(item.isEnded());
        assertFalse(why.equals(item.whyProperty().get()), "the evidence moved: " + item.whyProperty().get());
        assertFalse(effect.equals(item.effectProperty().get()), "the effect moved: " + item.effectProperty().get());
        assertEquals(raised, item.asRaisedProperty().get(), "as raised, for the record");
    }

    /** At ×20 the countdown also says how much of the operator's own time is left; at ×1 and in replays it does not. */
    @Test
    void atSpeedTheCountdownSaysItsWallTime() {
        stepUntilPending();
        ApprovalItemViewModel item = vm.items().get(0);
        long left = item.getSecondsLeft();
        vm.setSpeed(20);
        assertEquals("expires in " + left + " s\n≈ " + Math.round(left / 20.0) + " s of wall time at ×20",
                item.expiryProperty().get());
        vm.setSpeed(1);
        assertEquals("expires in " + left + " s", item.expiryProperty().get());
    }

    /** The pop-up goes when its request is answered on the card; its own Approve then says the request is answered. */
    @Test
    void theNoticeGoesWhenItsRequestIsAnsweredOnTheCard() {
        stepUntilPending();
        long id = vm.items().get(0).actionId();
        assertEquals(id, vm.noticeProperty().get().actionId());
        assertTrue(vm.approve(id));
        assertNull(vm.noticeProperty().get());
        assertFalse(vm.approveFromNotice(id), "a late click on a closing pop-up sends nothing");
        assertEquals(1, sink.sent.size());
        assertEquals("Request " + id + " was already answered", vm.messageProperty().get());
        stepOne();
        assertFalse(vm.approveFromNotice(id));
        assertTrue(vm.messageProperty().get().startsWith("Request " + id + " is gone: approved by operator"),
                vm.messageProperty().get());
    }

    @Test
    void aRefusedAnswerCanBeGivenAgain() {
        Frame f = stepUntilPending();
        long id = vm.items().get(0).actionId();
        vm.approve(id);
        // a frame that applied our Decide yet still lists the request: the engine refused it
        Frame refused = new Frame(f.tick() + 1, f.simMillis() + 1000, false, f.snapshot(), f.routing(), f.faults(),
                f.step(), f.totals(), List.of(new Command.Decide(id, true, "operator")),
                List.of("Decide refused: busy"));
        vm.onFrames(FrameBatch.of(refused));
        assertTrue(vm.item(id).isAnswerable());
        assertEquals("", vm.item(id).answerTextProperty().get());
        assertTrue(vm.messageProperty().get().contains("Decide refused: busy"), vm.messageProperty().get());
    }

    @Test
    void aReplayShowsRequestsButCannotAnswerThem() {
        vm.onSessionStart(new io.payops.ui.fx.SessionInfo(TestFrames.scenario("stripe-outage", 7), "agent", false));
        stepUntilPending();
        long id = vm.items().get(0).actionId();
        assertFalse(vm.item(id).isAnswerable());
        assertFalse(vm.approve(id));
        assertTrue(sink.sent.isEmpty());
        assertTrue(arrivals.isEmpty(), "no pop-ups while replaying");
    }
}
