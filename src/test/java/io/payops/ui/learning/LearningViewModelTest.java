package io.payops.ui.learning;

import io.payops.domain.ApprovalMode;
import io.payops.domain.Frame;
import io.payops.domain.Lesson;
import io.payops.domain.Outcome;
import io.payops.engine.Engine;
import io.payops.engine.EngineOptions;
import io.payops.engine.PolicyFactory;
import io.payops.engine.RunSettings;
import io.payops.sim.Scenario;
import io.payops.ui.fx.SessionInfo;
import io.payops.ui.fx.FrameBatch;
import io.payops.ui.fx.TestFrames;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LearningViewModelTest {
    /**
     * Circuits on razorpay's SBI and ICICI paths help; then Razorpay's HDFC path fails first and HDFC everywhere after:
     * opening that circuit hurts and is rolled back. See {@link ApprovingRun#HELPED_THEN_HURT}.
     */
    private static final String SCENARIO = ApprovingRun.HELPED_THEN_HURT;
    private static final long SEED = 7;
    private static List<Frame> frames;

    private LearningViewModel vm;

    @BeforeAll
    static void run() {
        frames = ApprovingRun.run(SCENARIO, SEED, ApprovingRun.HELPED_THEN_HURT_SECONDS);
    }

    @BeforeEach
    void start() {
        vm = new LearningViewModel();
        vm.onSessionStart(TestFrames.session(SCENARIO, SEED));
    }

    private void feed(List<Frame> list) {
        for (int i = 0; i < list.size(); i += 5) {
            vm.onFrames(FrameBatch.of(list.subList(i, Math.min(list.size(), i + 5))));
        }
    }

    @Test
    void noLessonsBeforeTheFault() {
        feed(frames.subList(0, 290));
        assertEquals(0, vm.totalProperty().get());
        assertTrue(vm.effectiveness().isEmpty());
        assertTrue(vm.lessons().isEmpty());
        assertTrue(vm.summaryProperty().get().startsWith("No lessons yet"));
    }

    @Test
    void lessonsAndEffectivenessFollowTheLearningState() {
        feed(frames);
        var state = frames.get(frames.size() - 1).step().learning();
        assertTrue(state.total() >= 3, "lessons " + state.total());
        assertEquals(state.total(), vm.totalProperty().get());
        assertEquals(state.total() + " lessons", vm.summaryProperty().get());
        assertTrue(state.recent().size() >= 3, "the order below is checked on at least three rows");

        List<LessonRow> lessons = vm.lessons();
        assertEquals(state.recent().size(), lessons.size());
        for (int i = 1; i < lessons.size(); i++) {
            assertTrue(lessons.get(i - 1).atSeconds() >= lessons.get(i).atSeconds(), "newest first");
        }
        LessonRow hurt = lessons.stream().filter(r -> r.outcome() == Outcome.HURT).findFirst().orElseThrow();
        assertEquals("hurt", hurt.outcomeKey());
        assertEquals("issuer_degradation", hurt.diagnosis());
        assertEquals("open_circuit", hurt.action());
        assertEquals("issuer_degradation on gateway+issuer", hurt.situation());
        assertTrue(hurt.time().matches("\\d+ s"), hurt.time());
        assertTrue(hurt.successChange().matches("\\d+\\.\\d% → \\d+\\.\\d%"), hurt.successChange());
        String[] beforeAfter = hurt.successChange().replace("%", "").split(" → ");
        assertTrue(Double.parseDouble(beforeAfter[1]) < Double.parseDouble(beforeAfter[0]), "it made things worse");
        // a circuit on one issuer's path is judged against the other issuers, which it left alone
        assertTrue(hurt.controlChange().matches("\\d+\\.\\d% → \\d+\\.\\d%"), hurt.controlChange());
        assertTrue(hurt.samples() > 0);

        EffectivenessRow row = vm.effectiveness().stream()
                .filter(r -> r.situation().equals("issuer_degradation × open_circuit")).findFirst().orElseThrow();
        assertEquals("issuer_degradation", row.diagnosis());
        assertEquals("open_circuit", row.action());
        long helped = lessons.stream().filter(r -> r.outcome() == Outcome.HELPED && r.action().equals("open_circuit")).count();
        assertEquals(helped, row.helped());
        assertTrue(row.helped() >= 1, "the circuits on the SBI and ICICI paths helped: " + row);
        assertTrue(row.hurt() >= 1);
        assertEquals(row.helped() + row.hurt() + row.neutral() + row.inconclusive(),
                lessons.stream().filter(r -> r.action().equals("open_circuit")).count());
        assertEquals(Math.round(100.0 * row.helped() / row.judged()) + "%", row.helpedShareText());
    }

    @Test
    void theSummaryCountsLessonsInWords() {
        int first = 0;
        while (frames.get(first).step().learning().total() == 0) {
            first++;
        }
        assertEquals(1, frames.get(first).step().learning().total());
        feed(frames.subList(0, first + 1));
        assertEquals("1 lesson", vm.summaryProperty().get(), "one lesson is singular");
        feed(frames.subList(first + 1, frames.size()));
        int total = frames.get(frames.size() - 1).step().learning().total();
        assertEquals(total + " lessons", vm.summaryProperty().get());
    }

    @Test
    void tablesChangeOnlyWhenALessonIsAdded() {
        int[] changes = {0};
        vm.lessons().addListener((ListChangeListener<LessonRow>) c -> changes[0]++);
        vm.effectiveness().addListener((ListChangeListener<EffectivenessRow>) c -> changes[0] += 1000);
        for (Frame f : frames) {
            vm.onFrames(FrameBatch.of(f));
        }
        long distinctTotals = frames.stream().map(f -> f.step().learning().total()).distinct().count();
        int lessonChanges = changes[0] % 1000;
        int effectivenessChanges = changes[0] / 1000;
        assertEquals(distinctTotals - 1, lessonChanges, "one rebuild per new lesson over " + frames.size() + " frames");
        assertEquals(distinctTotals - 1, effectivenessChanges);
    }

    @Test
    void newSessionForgetsTheLessons() {
        feed(frames);
        assertTrue(vm.lessons().size() > 0);
        vm.onSessionStart(TestFrames.session("quiet", 1));
        assertTrue(vm.lessons().isEmpty());
        assertTrue(vm.effectiveness().isEmpty());
        assertEquals(0, vm.totalProperty().get());
    }

    /**
     * The session after {@link #frames}: the agent starts from what that one learnt, as lessons.json holds it after
     * two sessions that learnt the same first lesson (it is there twice), and runs the same scenario again.
     */
    private static List<Lesson> earlierLessons() {
        List<Lesson> learnt = new ArrayList<>(frames.get(frames.size() - 1).step().learning().recent());
        Collections.reverse(learnt); // oldest first, as lessons.json keeps them
        List<Lesson> start = new ArrayList<>();
        start.add(learnt.get(0));
        start.addAll(learnt);
        return start;
    }

    private static List<Frame> nextSession(List<Lesson> start) {
        Scenario s = TestFrames.scenario(SCENARIO, SEED);
        RunSettings settings = new RunSettings("agent", ApprovalMode.MANUAL, "heuristic");
        Engine engine = new Engine(s, PolicyFactory.create("agent", settings, s.world(), start), EngineOptions.DEFAULT,
                null);
        return ApprovingRun.run(engine, ApprovingRun.HELPED_THEN_HURT_SECONDS);
    }

    @Test
    void lessonsTheSessionStartedFromAreMarkedEarlierAndRepeatsAreListedOnce() {
        List<Lesson> start = earlierLessons();
        List<Frame> next = nextSession(start);
        assertEquals(start.size(), next.get(0).step().learning().total(), "the agent starts from lessons.json");

        // 340 s in: nothing learnt yet here; the earlier session's lessons run to 1151 s on their own clock
        feed(next.subList(0, 340));
        assertTrue(vm.lessons().stream().allMatch(r -> r.earlier() && r.session().equals("earlier")), vm.lessons().toString());
        assertTrue(vm.lessons().stream().anyMatch(r -> r.atSeconds() > 340), "a lesson timed after the clock: another session's");
        assertEquals(start.size() - 1, vm.lessons().size(), "the lesson lessons.json holds twice is listed once");
        assertEquals("0 lessons this session, " + start.size() + " from earlier sessions; 1 repeated lesson is listed once",
                vm.summaryProperty().get());

        feed(next.subList(340, next.size()));
        int learntHere = next.get(next.size() - 1).step().learning().total() - start.size();
        assertTrue(learntHere >= 1, "the agent learns again in the second session: " + learntHere);
        List<LessonRow> here = vm.lessons().stream().filter(r -> !r.earlier()).toList();
        assertEquals(vm.lessons().subList(0, here.size()), here, "this session's lessons first, newest first");
        assertTrue(here.stream().allMatch(r -> r.atSeconds() <= next.get(next.size() - 1).simSeconds()));
        List<LessonRow> earlier = vm.lessons().stream().filter(LessonRow::earlier).toList();
        // a lesson learnt again exactly as before (same seed, same scenario) is one row, marked as both
        long both = here.stream().filter(r -> r.session().equals("this + earlier")).count();
        assertEquals(learntHere, here.size());
        assertEquals(start.size() - 1 - both, earlier.size());
        assertTrue(vm.summaryProperty().get().startsWith((learntHere == 1 ? "1 lesson" : learntHere + " lessons")
                + " this session, " + start.size() + " from earlier sessions"), vm.summaryProperty().get());
        assertEquals(vm.lessons().size(), vm.lessons().stream().distinct().count());
    }

    @Test
    void aSeekInAReplayKeepsTheSessionsOwnLessonsApart() {
        List<Lesson> start = earlierLessons();
        List<Frame> next = nextSession(start);
        SessionInfo replay = new SessionInfo(TestFrames.scenario(SCENARIO, SEED), "agent", false);
        vm.onSessionStart(replay);
        feed(next.subList(0, 60));
        vm.onSessionStart(replay); // a seek: the lead-in starts well after this session's first lessons
        feed(next.subList(next.size() - 60, next.size()));
        int learntHere = next.get(next.size() - 1).step().learning().total() - start.size();
        assertEquals(learntHere, vm.lessons().stream().filter(r -> !r.earlier()).count());

        // another recording: the first frame seen is its start, so what it holds then counts as earlier
        vm.onSessionStart(new SessionInfo(TestFrames.scenario(SCENARIO, SEED), "agent", false));
        List<Frame> tail = next.subList(next.size() - 60, next.size());
        feed(tail);
        assertEquals(tail.get(tail.size() - 1).step().learning().total() - tail.get(0).step().learning().total(),
                vm.lessons().stream().filter(r -> !r.earlier()).count());
    }

    @Test
    void addedCountsTheNewLessonsAtTheFront() {
        List<Lesson> learnt = frames.get(frames.size() - 1).step().learning().recent();
        assertTrue(learnt.size() >= 3);
        assertEquals(0, LearningViewModel.added(learnt, learnt));
        assertEquals(2, LearningViewModel.added(learnt.subList(2, learnt.size()), learnt));
        assertEquals(learnt.size(), LearningViewModel.added(List.of(), learnt));
        // the same lesson learnt again on top of itself: one new, not zero
        List<Lesson> again = new ArrayList<>(learnt);
        again.add(0, learnt.get(0));
        assertEquals(1, LearningViewModel.added(learnt, again));
    }

    @Test
    void gatewayOutageLessonsAfterApprovals() {
        LearningViewModel outage = new LearningViewModel();
        outage.onSessionStart(TestFrames.session("stripe-outage", SEED));
        List<Frame> run = ApprovingRun.run("stripe-outage", SEED, 400);
        outage.onFrames(FrameBatch.of(run));
        assertTrue(outage.effectiveness().stream().anyMatch(r -> r.situation().equals("gateway_outage × shift_traffic")));
        assertTrue(outage.lessons().stream().allMatch(r -> r.diagnosis().equals("gateway_outage")));
        assertTrue(outage.lessons().stream().anyMatch(r -> r.outcome() == Outcome.HELPED));
    }
}
