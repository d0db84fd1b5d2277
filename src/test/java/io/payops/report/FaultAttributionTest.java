package io.payops.report;

import io.payops.domain.Detection;
import io.payops.domain.Diagnosis;
import io.payops.domain.Dimension;
import io.payops.domain.FaultSpec;
import io.payops.domain.FaultType;
import io.payops.domain.Target;
import io.payops.report.FaultAttribution.FalseAlarm;
import io.payops.report.FaultAttribution.Match;
import io.payops.report.FaultAttribution.Verdict;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static io.payops.domain.Diagnosis.BROAD_DEGRADATION;
import static io.payops.domain.Diagnosis.GATEWAY_OUTAGE;
import static io.payops.domain.Diagnosis.INSUFFICIENT_DATA;
import static io.payops.domain.Diagnosis.ISSUER_DEGRADATION;
import static io.payops.domain.Diagnosis.LATENCY_SPIKE;
import static io.payops.domain.Diagnosis.NETWORK_ERRORS;
import static io.payops.domain.Diagnosis.NORMAL_VARIANCE;
import static io.payops.domain.Diagnosis.USER_DECLINES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link FaultAttribution} on hand-made detections: a fault is credited only with detections that name its type on
 * its exact target while it is on (or its failures are still in the 60 s window), never with an overlapping
 * fault's alarm; what was said of traffic no fault touched is a false alarm, one per episode.
 */
class FaultAttributionTest {
    private static final Target PAYPAL = Target.gateway("paypal");
    private static final Target STRIPE = Target.gateway("stripe");
    private static final Target PAYPAL_AXIS = Target.of(Dimension.GATEWAY, "paypal", Dimension.ISSUER, "AXIS");
    private static final Target STRIPE_AXIS = Target.of(Dimension.GATEWAY, "stripe", Dimension.ISSUER, "AXIS");
    private static final Target STRIPE_HDFC = Target.of(Dimension.GATEWAY, "stripe", Dimension.ISSUER, "HDFC");
    private static final Target AXIS = Target.of(Dimension.ISSUER, "AXIS");

    /** PayPal fails 70% of attempts from 300 s to 900 s. */
    private static final FaultSpec PAYPAL_OUTAGE = fault(FaultType.GATEWAY_OUTAGE, PAYPAL, 300, 600);
    /** Stripe's path to AXIS loses approvals from 600 s to 1200 s (shares no traffic with the PayPal outage). */
    private static final FaultSpec STRIPE_AXIS_DEGRADATION = fault(FaultType.ISSUER_DEGRADATION, STRIPE_AXIS, 600, 600);
    /** PayPal's path to AXIS loses approvals from 600 s to 1200 s: inside the PayPal outage's traffic and time. */
    private static final FaultSpec PAYPAL_AXIS_DEGRADATION = fault(FaultType.ISSUER_DEGRADATION, PAYPAL_AXIS, 600, 600);

    private static FaultSpec fault(FaultType type, Target target, double start, double duration) {
        return new FaultSpec(type, target, start, duration, 0.5, 1, 0);
    }

    private static Detection at(double second, Diagnosis diagnosis, Target target) {
        return new Detection(Math.round(second * 1000), diagnosis, target, 0.8);
    }

    /** The same thing said every {@code every} seconds from {@code from} to {@code to} inclusive. */
    private static List<Detection> every(double every, double from, double to, Diagnosis diagnosis, Target target) {
        List<Detection> out = new ArrayList<>();
        for (double s = from; s <= to + 1e-9; s += every) {
            out.add(at(s, diagnosis, target));
        }
        return out;
    }

    @SafeVarargs
    private static List<Detection> inOrder(List<Detection>... lists) {
        List<Detection> out = new ArrayList<>();
        for (List<Detection> l : lists) {
            out.addAll(l);
        }
        out.sort(Comparator.comparingLong(Detection::atMillis));
        return out;
    }

    private static Match match(FaultSpec fault, List<FaultSpec> all, List<Detection> detections) {
        return FaultAttribution.match(fault, all, detections);
    }

    private static Match alone(FaultSpec fault, List<Detection> detections) {
        return match(fault, List.of(fault), detections);
    }

    @Nested
    class Diagnosed {
        @Test
        void namedFromTheSecondDetectionAfterAWrongFirstGuessIsDiagnosedAndDetectedAtTheNamingOne() {
            Detection guess = at(310, ISSUER_DEGRADATION, PAYPAL_AXIS);
            Detection naming = at(320, GATEWAY_OUTAGE, PAYPAL);
            List<Detection> ds = inOrder(List.of(guess, naming), every(10, 330, 600, GATEWAY_OUTAGE, PAYPAL));

            Match m = alone(PAYPAL_OUTAGE, ds);

            assertEquals(Verdict.DIAGNOSED, m.verdict());
            assertSame(naming, m.first(), "detected when it was first named, not at the wrong first guess");
            assertEquals(GATEWAY_OUTAGE, m.settled().diagnosis());
            assertEquals(PAYPAL, m.settled().target());
            assertEquals("diagnosed", m.verdict().key());
        }

        @Test
        void oneWrongGuessThenOneNamingIsStillDiagnosed() {
            // a tie between the right name and the one other thing said goes to the right name
            Detection guess = at(310, LATENCY_SPIKE, PAYPAL);
            Detection naming = at(320, GATEWAY_OUTAGE, PAYPAL);
            Match m = alone(PAYPAL_OUTAGE, List.of(guess, naming));
            assertEquals(Verdict.DIAGNOSED, m.verdict());
            assertSame(naming, m.first());
        }

        @Test
        void aPassingWrongRemarkOutvotedByTheRightDiagnosisStaysDiagnosed() {
            Detection remark = at(305, BROAD_DEGRADATION, Target.ALL);
            List<Detection> ds = inOrder(List.of(remark), every(10, 310, 400, GATEWAY_OUTAGE, PAYPAL),
                    List.of(at(500, USER_DECLINES, PAYPAL), at(510, USER_DECLINES, PAYPAL)));
            Match m = alone(PAYPAL_OUTAGE, ds);
            assertEquals(Verdict.DIAGNOSED, m.verdict());
            assertEquals(310_000, m.first().atMillis());
        }

        @Test
        void theTargetMustBeTheFaultsExactTarget() {
            // issuer degradation said of AXIS on every gateway, for a fault on Stripe's path to AXIS only
            List<Detection> ds = every(10, 610, 700, ISSUER_DEGRADATION, AXIS);
            Match m = alone(STRIPE_AXIS_DEGRADATION, ds);
            assertEquals(Verdict.MISDIAGNOSED, m.verdict());
            assertEquals(AXIS, m.settled().target());
            assertEquals(ISSUER_DEGRADATION, m.settled().diagnosis());
            assertEquals(610_000, m.first().atMillis());
        }
    }

    @Nested
    class Overlapping {
        @Test
        void aFaultStartingUnderAnOverlappingOneWhoseAlarmNamesOnlyThatOneIsMissed() {
            List<FaultSpec> faults = List.of(PAYPAL_OUTAGE, PAYPAL_AXIS_DEGRADATION);
            // the policy says "PayPal outage" every 10 s from 310 s until the outage's echo is gone
            List<Detection> ds = every(10, 310, 960, GATEWAY_OUTAGE, PAYPAL);

            Match a = match(PAYPAL_OUTAGE, faults, ds);
            Match b = match(PAYPAL_AXIS_DEGRADATION, faults, ds);

            assertEquals(Verdict.DIAGNOSED, a.verdict());
            assertEquals(310_000, a.first().atMillis());
            assertEquals(Verdict.MISSED, b.verdict(), "B is not 'detected' by A's alarm");
            assertNull(b.first(), "no detection is credited to B, least of all one at its first second");
            assertNull(b.settled());
            assertEquals("missed", b.verdict().key());
        }

        @Test
        void aFaultUnderAnOverlappingOneIsDiagnosedWhenItIsNamedToo() {
            List<FaultSpec> faults = List.of(PAYPAL_OUTAGE, PAYPAL_AXIS_DEGRADATION);
            List<Detection> ds = inOrder(every(10, 310, 960, GATEWAY_OUTAGE, PAYPAL),
                    every(10, 655, 800, ISSUER_DEGRADATION, PAYPAL_AXIS));
            Match b = match(PAYPAL_AXIS_DEGRADATION, faults, ds);
            assertEquals(Verdict.DIAGNOSED, b.verdict());
            assertEquals(655_000, b.first().atMillis());
            // ... and A's own attribution is unaffected by B being named on part of its traffic
            assertEquals(Verdict.DIAGNOSED, match(PAYPAL_OUTAGE, faults, ds).verdict());
        }

        @Test
        void aFaultWhoseTrafficWasTakenForSomethingNoFaultIsIsMisdiagnosedWithWhatItWasTakenFor() {
            List<FaultSpec> faults = List.of(PAYPAL_OUTAGE, STRIPE_AXIS_DEGRADATION);
            Detection firstSaid = at(615, LATENCY_SPIKE, STRIPE_AXIS);
            List<Detection> ds = inOrder(every(10, 310, 900, GATEWAY_OUTAGE, PAYPAL), List.of(firstSaid),
                    every(10, 620, 700, GATEWAY_OUTAGE, STRIPE));

            Match b = match(STRIPE_AXIS_DEGRADATION, faults, ds);

            assertEquals(Verdict.MISDIAGNOSED, b.verdict());
            assertSame(firstSaid, b.first(), "detected at the first detection on its traffic that names no fault");
            assertEquals(GATEWAY_OUTAGE, b.settled().diagnosis(), "taken for the most-said thing, not the first");
            assertEquals(STRIPE, b.settled().target());
            assertEquals(620_000, b.settled().atMillis());
            assertEquals(Verdict.DIAGNOSED, match(PAYPAL_OUTAGE, faults, ds).verdict());
        }

        @Test
        void detectionsNamingAnotherFaultDoNotCountAgainstTheRightName() {
            List<FaultSpec> faults = List.of(PAYPAL_OUTAGE, PAYPAL_AXIS_DEGRADATION);
            // A is named 60 times on B's traffic, B twice: B's view counts only what names no fault
            List<Detection> ds = inOrder(every(10, 310, 900, GATEWAY_OUTAGE, PAYPAL),
                    List.of(at(700, ISSUER_DEGRADATION, PAYPAL_AXIS), at(710, ISSUER_DEGRADATION, PAYPAL_AXIS)));
            Match b = match(PAYPAL_AXIS_DEGRADATION, faults, ds);
            assertEquals(Verdict.DIAGNOSED, b.verdict());
            assertEquals(700_000, b.first().atMillis());
        }
    }

    @Nested
    class SettledView {
        @Test
        void aRightRemarkOutvotedByAWrongSettledViewIsMisdiagnosed() {
            Detection right = at(310, GATEWAY_OUTAGE, PAYPAL);
            List<Detection> wrong = every(10, 320, 400, NETWORK_ERRORS, PAYPAL);
            Match m = alone(PAYPAL_OUTAGE, inOrder(List.of(right), wrong));

            assertEquals(Verdict.MISDIAGNOSED, m.verdict());
            assertEquals(NETWORK_ERRORS, m.settled().diagnosis(), "what it was taken for is the settled view");
            assertEquals(PAYPAL, m.settled().target());
            assertSame(right, m.first(), "detected at the first detection on its traffic (here the right remark)");
        }

        @Test
        void equalCountsGoToTheRightName() {
            List<Detection> ds = inOrder(every(10, 310, 320, USER_DECLINES, PAYPAL),
                    every(10, 400, 410, GATEWAY_OUTAGE, PAYPAL));
            assertEquals(Verdict.DIAGNOSED, alone(PAYPAL_OUTAGE, ds).verdict());
            List<Detection> more = inOrder(ds, List.of(at(500, USER_DECLINES, PAYPAL)));
            assertEquals(Verdict.MISDIAGNOSED, alone(PAYPAL_OUTAGE, more).verdict());
        }

        @Test
        void theSettledViewIsTheMostSaidSingleThingNotTheSumOfWrongThings() {
            // three different wrong things said once each do not outvote the right name said twice
            List<Detection> ds = List.of(at(310, USER_DECLINES, PAYPAL), at(320, LATENCY_SPIKE, PAYPAL),
                    at(330, GATEWAY_OUTAGE, PAYPAL), at(340, BROAD_DEGRADATION, Target.ALL),
                    at(350, GATEWAY_OUTAGE, PAYPAL));
            Match m = alone(PAYPAL_OUTAGE, ds);
            assertEquals(Verdict.DIAGNOSED, m.verdict());
            assertEquals(330_000, m.first().atMillis());
        }

        @Test
        void tiesBetweenWrongViewsGoToTheOneSaidFirst() {
            List<Detection> ds = List.of(at(310, USER_DECLINES, PAYPAL), at(320, LATENCY_SPIKE, PAYPAL),
                    at(330, LATENCY_SPIKE, PAYPAL), at(340, USER_DECLINES, PAYPAL));
            Match m = alone(PAYPAL_OUTAGE, ds);
            assertEquals(Verdict.MISDIAGNOSED, m.verdict());
            assertEquals(USER_DECLINES, m.settled().diagnosis());
            assertEquals(310_000, m.first().atMillis());
        }
    }

    @Nested
    class Window {
        @Test
        void detectionsAfterTheEndPlus60SecondsAreNotCredited() {
            // the outage ends at 900 s; its failures leave the 60 s window at 960 s
            assertEquals(Verdict.MISSED, alone(PAYPAL_OUTAGE, List.of(at(961, GATEWAY_OUTAGE, PAYPAL))).verdict());
            assertEquals(Verdict.MISSED, alone(PAYPAL_OUTAGE, List.of(at(1500, GATEWAY_OUTAGE, PAYPAL))).verdict());
            Match edge = alone(PAYPAL_OUTAGE, List.of(at(960, GATEWAY_OUTAGE, PAYPAL)));
            assertEquals(Verdict.DIAGNOSED, edge.verdict(), "960 s is still inside the echo");
            assertEquals(960_000, edge.first().atMillis());
            // late wrong things are not held against it either
            List<Detection> late = inOrder(List.of(at(400, GATEWAY_OUTAGE, PAYPAL)),
                    every(10, 970, 1200, USER_DECLINES, PAYPAL));
            assertEquals(Verdict.DIAGNOSED, alone(PAYPAL_OUTAGE, late).verdict());
        }

        @Test
        void detectionsBeforeTheStartAreNotCredited() {
            Match m = alone(PAYPAL_OUTAGE, List.of(at(299.9, GATEWAY_OUTAGE, PAYPAL), at(250, GATEWAY_OUTAGE, PAYPAL)));
            assertEquals(Verdict.MISSED, m.verdict());
            assertNull(m.first());
            Match atStart = alone(PAYPAL_OUTAGE, List.of(at(300, GATEWAY_OUTAGE, PAYPAL)));
            assertEquals(Verdict.DIAGNOSED, atStart.verdict());
        }

        @Test
        void namesNeedsTypeExactTargetAndTime() {
            assertTrue(FaultAttribution.names(at(400, GATEWAY_OUTAGE, PAYPAL), PAYPAL_OUTAGE));
            assertTrue(!FaultAttribution.names(at(400, ISSUER_DEGRADATION, PAYPAL), PAYPAL_OUTAGE));
            assertTrue(!FaultAttribution.names(at(400, GATEWAY_OUTAGE, PAYPAL_AXIS), PAYPAL_OUTAGE));
            assertTrue(!FaultAttribution.names(at(400, GATEWAY_OUTAGE, Target.ALL), PAYPAL_OUTAGE));
            assertTrue(!FaultAttribution.names(at(961, GATEWAY_OUTAGE, PAYPAL), PAYPAL_OUTAGE));
            assertTrue(!FaultAttribution.names(at(400, BROAD_DEGRADATION, PAYPAL), PAYPAL_OUTAGE));
        }
    }

    @Nested
    class FalseAlarms {
        @Test
        void detectionsOnUntouchedTrafficAreGroupedIntoEpisodes() {
            List<FaultSpec> faults = List.of(PAYPAL_OUTAGE);
            // gaps of exactly 60 s stay one episode; 61 s starts another
            List<Detection> ds = List.of(at(100, ISSUER_DEGRADATION, STRIPE_HDFC), at(160, ISSUER_DEGRADATION, STRIPE_HDFC),
                    at(220, ISSUER_DEGRADATION, STRIPE_HDFC), at(281, ISSUER_DEGRADATION, STRIPE_HDFC));

            List<FalseAlarm> alarms = FaultAttribution.falseAlarms(faults, ds);

            assertEquals(List.of(new FalseAlarm(100_000, 220_000, "issuer_degradation", STRIPE_HDFC),
                    new FalseAlarm(281_000, 281_000, "issuer_degradation", STRIPE_HDFC)), alarms);
        }

        @Test
        void differentDiagnosesOrTargetsAreDifferentEpisodesEvenWhenInterleaved() {
            List<Detection> ds = List.of(at(100, ISSUER_DEGRADATION, STRIPE_HDFC), at(110, LATENCY_SPIKE, STRIPE_HDFC),
                    at(120, ISSUER_DEGRADATION, STRIPE_AXIS), at(130, ISSUER_DEGRADATION, STRIPE_HDFC),
                    at(140, LATENCY_SPIKE, STRIPE_HDFC), at(300, ISSUER_DEGRADATION, STRIPE_HDFC));

            List<FalseAlarm> alarms = FaultAttribution.falseAlarms(List.of(), ds);

            assertEquals(List.of(new FalseAlarm(100_000, 130_000, "issuer_degradation", STRIPE_HDFC),
                    new FalseAlarm(110_000, 140_000, "latency_spike", STRIPE_HDFC),
                    new FalseAlarm(120_000, 120_000, "issuer_degradation", STRIPE_AXIS),
                    new FalseAlarm(300_000, 300_000, "issuer_degradation", STRIPE_HDFC)), alarms);
        }

        @Test
        void detectionsOnAFaultsTrafficDuringItAreNeverFalseAlarmsWhateverTheySay() {
            List<FaultSpec> faults = List.of(PAYPAL_OUTAGE, STRIPE_AXIS_DEGRADATION);
            List<Detection> ds = inOrder(
                    every(10, 300, 960, GATEWAY_OUTAGE, PAYPAL), // right
                    every(10, 305, 955, USER_DECLINES, PAYPAL_AXIS), // wrong, but on the outage's traffic
                    every(30, 600, 1260, BROAD_DEGRADATION, Target.ALL), // everything overlaps something on
                    every(30, 610, 1250, GATEWAY_OUTAGE, STRIPE)); // wrong, on the degradation's traffic

            assertEquals(List.of(), FaultAttribution.falseAlarms(faults, ds));
        }

        @Test
        void theSameTrafficBeforeOrWellAfterItsFaultIsAFalseAlarm() {
            List<Detection> ds = List.of(at(200, GATEWAY_OUTAGE, PAYPAL), at(961, GATEWAY_OUTAGE, PAYPAL),
                    at(1000, GATEWAY_OUTAGE, PAYPAL));
            List<FalseAlarm> alarms = FaultAttribution.falseAlarms(List.of(PAYPAL_OUTAGE), ds);
            assertEquals(List.of(new FalseAlarm(200_000, 200_000, "gateway_outage", PAYPAL),
                    new FalseAlarm(961_000, 1_000_000, "gateway_outage", PAYPAL)), alarms);
        }

        @Test
        void anAlarmOnAllTrafficWithNoFaultOnIsAFalseAlarm() {
            List<FalseAlarm> alarms = FaultAttribution.falseAlarms(List.of(PAYPAL_OUTAGE),
                    List.of(at(100, BROAD_DEGRADATION, Target.ALL), at(150, BROAD_DEGRADATION, Target.ALL)));
            assertEquals(List.of(new FalseAlarm(100_000, 150_000, "broad_degradation", Target.ALL)), alarms);
        }
    }

    @Nested
    class NonIncidentDiagnoses {
        @Test
        void normalVarianceAndInsufficientDataNeitherCreditNorOutvoteAFault() {
            List<Detection> quiet = inOrder(every(5, 300, 900, NORMAL_VARIANCE, PAYPAL),
                    every(5, 302, 900, INSUFFICIENT_DATA, PAYPAL));
            Match none = alone(PAYPAL_OUTAGE, quiet);
            assertEquals(Verdict.MISSED, none.verdict(), "saying all is well is no detection");
            assertNull(none.first());

            Match named = alone(PAYPAL_OUTAGE, inOrder(quiet, List.of(at(450, GATEWAY_OUTAGE, PAYPAL))));
            assertEquals(Verdict.DIAGNOSED, named.verdict(), "240 'normal variance' do not outvote one right name");
            assertEquals(450_000, named.first().atMillis());
        }

        @Test
        void normalVarianceAndInsufficientDataAreNoFalseAlarms() {
            List<Detection> ds = List.of(at(10, NORMAL_VARIANCE, Target.ALL), at(20, INSUFFICIENT_DATA, STRIPE_HDFC),
                    at(30, NORMAL_VARIANCE, STRIPE));
            assertEquals(List.of(), FaultAttribution.falseAlarms(List.of(PAYPAL_OUTAGE), ds));
        }
    }
}
