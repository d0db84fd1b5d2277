package io.payops.agent;

import io.payops.domain.ApprovalMode;

import java.util.List;

/**
 * Every threshold the agent uses, grouped by the step that uses it, each with why it has its value;
 * {@link #defaults} are the values the bars were measured with.
 *
 * @param cycleSeconds how often a full reason → decide → act cycle runs (detection runs every tick)
 * @param detection    when a segment's traffic is in alarm, live (sequential tests over each second)
 * @param snapshotTest when a single snapshot shows trouble ({@code analyze}: no history, one test)
 * @param localization where the reasoner places the trouble, and on what evidence
 * @param decision     which action answers it
 * @param guard        what the agent may do alone, and what waits for a human
 * @param verification whether a change helped, and when it is undone
 * @param memory       how long the agent remembers what it could not do or has already said
 * @param incidents    when trouble counts as an incident, and when one is over
 * @param approval     how approval requests are answered
 */
public record AgentConfig(
        int cycleSeconds,
        Detection detection,
        SnapshotTest snapshotTest,
        Localization localization,
        Decision decision,
        Guard guard,
        Verification verification,
        Memory memory,
        Incidents incidents,
        ApprovalMode approval) {

    public static AgentConfig defaults(ApprovalMode approval) {
        return new AgentConfig(2, Detection.defaults(), SnapshotTest.defaults(), Localization.defaults(),
                Decision.defaults(), Guard.defaults(), Verification.defaults(), Memory.defaults(), Incidents.defaults(),
                approval);
    }

    public AgentConfig withApproval(ApprovalMode mode) {
        return new AgentConfig(cycleSeconds, detection, snapshotTest, localization, decision, guard, verification,
                memory, incidents, mode);
    }

    public AgentConfig withGuard(Guard limits) {
        return new AgentConfig(cycleSeconds, detection, snapshotTest, localization, decision, limits, verification,
                memory, incidents, approval);
    }

    /**
     * The live detector: per segment, one-sided Bernoulli CUSUMs on technical failures, customer declines and slow
     * attempts, plus latency and retry checks on the window.
     *
     * @param cusumFloor               the lowest CUSUM alarm level (a log-likelihood ratio); busy segments get more
     *                                 (see SegmentMonitor#threshold)
     * @param falseAlarmsPerDay        false alarms each segment's tests may raise per simulated day under no change
     *                                 (DESIGN §9 allows one): the threshold is set for half of that, so the busiest
     *                                 segments stay under one with room for the drift of their references, and
     *                                 detection is no slower than it must be
     * @param minRiseAbsolute          smallest failure-rate rise the sequential test is tuned for (absolute points):
     *                                 its first alternative is a doubling of the reference, at least this much
     * @param largeRises               the fixed alternatives beside the doubling: +15, +40 and +75 points. The largest
     *                                 lets a near-total outage or a many-fold latency spike be told within a few
     *                                 attempts (it gains about ln(q1/q0) per failed attempt, where a smaller
     *                                 alternative gains less than the evidence holds); each one costs the threshold a
     *                                 union-bound penalty
     * @param rateFloor                reference rates below this are treated as this, so a segment with no failures
     *                                 yet is not alarmed by the first one
     * @param referenceSamples         attempts a segment needs in its reference before it is tested
     * @param referenceHalfLifeSeconds how fast a healthy segment's reference forgets old traffic
     * @param minOwnReference          attempts a segment's own reference needs before it replaces all traffic's in the
     *                                 reasoner's comparisons
     * @param slowTargetShare          the slow test watches the rung where about this share of attempts is normally
     *                                 slower: frequent enough that a low-volume segment sees slow attempts every
     *                                 minute, rare enough that a latency rise multiplies it
     * @param slowMinShare             a settled rung is kept while its normal share stays within
     *                                 [slowMinShare, slowMaxShare]; outside it the rung is chosen again
     * @param slowMaxShare             see slowMinShare
     * @param recoveryMinSeconds       the latest seconds that judge whether an alarm's cause is gone: at least this
     *                                 many, more (up to recoveryMaxSeconds) until they hold recoveryAttempts attempts,
     *                                 and never seconds from before the alarm. A low-volume segment needs a long
     *                                 stretch to tell a small rise from none (a doubling of a 4% rate takes about 200
     *                                 attempts to reject at 20 to 1); a busy one needs only a short one
     * @param recoveryMaxSeconds       see recoveryMinSeconds (also how many seconds each segment keeps for it)
     * @param recoveryAttempts         see recoveryMinSeconds
     * @param recoveredLogOdds         an alarm is cleared when those seconds favour "back to the reference" over the
     *                                 alarm's own alternative by this log-likelihood ratio (ln 20: 20 to 1). Without
     *                                 it a test capped at twice its threshold takes minutes to come back down after a
     *                                 fault ends, and the incident outlives its cause
     * @param minLatencyAttempts       window attempts a p95 needs before it is compared or learnt from: fewer give a
     *                                 percentile too jumpy to mean anything
     * @param latencyRatio             window p95 over reference p95 that counts as a latency anomaly
     * @param minRetryPayments         payments a window needs before its attempts per payment can show a retry storm
     *                                 rather than luck
     * @param retryRise                rise in attempts per payment that counts as retry amplification
     * @param learningSeconds          the learning period at the start of a run or log: the references learn and no
     *                                 test runs, so nothing is in alarm before every busy segment has a reference of
     *                                 its own. Two minutes: about 150 attempts for a path of 1-2 attempts a second,
     *                                 and no built-in or random fault starts before it (the earliest starts at 120 s)
     * @param standingGap              a segment whose normal technical failure rate is this much above the pooled
     *                                 rate of its siblings (the other values of its dimension) is a standing
     *                                 condition: 15 points is beyond the spread of healthy issuers or gateways (a few
     *                                 points) and well under the 25+ points a user must not miss
     * @param standingMinZ             and the difference must be this many standard errors (two-proportion z), so a
     *                                 small segment's unlucky minute is not one
     * @param standingMinAttempts      and the segment's reference must hold this many attempts
     */
    public record Detection(
            double cusumFloor,
            double falseAlarmsPerDay,
            double minRiseAbsolute,
            List<Double> largeRises,
            double rateFloor,
            long referenceSamples,
            double referenceHalfLifeSeconds,
            double minOwnReference,
            double slowTargetShare,
            double slowMinShare,
            double slowMaxShare,
            int recoveryMinSeconds,
            int recoveryMaxSeconds,
            long recoveryAttempts,
            double recoveredLogOdds,
            long minLatencyAttempts,
            double latencyRatio,
            long minRetryPayments,
            double retryRise,
            int learningSeconds,
            double standingGap,
            double standingMinZ,
            double standingMinAttempts) {

        public Detection {
            largeRises = List.copyOf(largeRises);
        }

        public static Detection defaults() {
            return new Detection(
                    8.0,                 // cusumFloor
                    0.5,                 // falseAlarmsPerDay
                    0.05,                // minRiseAbsolute
                    List.of(0.15, 0.40, 0.75), // largeRises
                    0.004,               // rateFloor
                    150,                 // referenceSamples
                    600,                 // referenceHalfLifeSeconds
                    100,                 // minOwnReference
                    0.1,                 // slowTargetShare
                    0.03,                // slowMinShare
                    0.3,                 // slowMaxShare
                    15,                  // recoveryMinSeconds
                    120,                 // recoveryMaxSeconds
                    200,                 // recoveryAttempts
                    Math.log(20),        // recoveredLogOdds
                    100,                 // minLatencyAttempts
                    1.8,                 // latencyRatio
                    200,                 // minRetryPayments
                    0.08,                // retryRise
                    120,                 // learningSeconds
                    0.15,                // standingGap
                    5.0,                 // standingMinZ
                    300);                // standingMinAttempts
        }
    }

    /**
     * The detect step for a single snapshot ({@code analyze}): each segment's window against its baseline, once,
     * with no sequential test. Latency and retries use {@link Detection#latencyRatio} and {@link Detection#retryRise}.
     *
     * @param falseAlarm          chance of any false alarm over all segments tested (a Bonferroni bound)
     * @param minRise             smallest rise (absolute share of attempts) that counts, however significant: at large
     *                            volume a trivial rise is significant
     * @param minAttempts         window attempts a segment needs to be tested at all
     * @param minLatencyAttempts  window attempts a p95 needs before it is compared
     * @param minRetryPayments    window payments attempts per payment need before they are compared
     * @param establishedAttempts attempts a baseline segment needs before it counts as the segment's own normal
     */
    public record SnapshotTest(
            double falseAlarm,
            double minRise,
            long minAttempts,
            long minLatencyAttempts,
            long minRetryPayments,
            long establishedAttempts) {

        public static SnapshotTest defaults() {
            return new SnapshotTest(
                    0.001,   // falseAlarm
                    0.01,    // minRise
                    30,      // minAttempts
                    100,     // minLatencyAttempts
                    50,      // minRetryPayments
                    100);    // establishedAttempts
        }
    }

    /**
     * The reason step: where a rise sits (the scan and descent of the Localizer), over which seconds, and how sure
     * the hypotheses are.
     *
     * @param significance          the log-likelihood ratio a rise must reach, live, to be told from chance and localized
     *                              (and the scale confidence grows on): the CUSUM floor's value, so a target is named
     *                              on evidence as strong as an alarm needs ({@code analyze} uses its own test's
     *                              Bonferroni threshold instead)
     * @param maxTargets            at most this many targets per status family: more would be chasing noise
     * @param heterogeneityPerPart  the heterogeneity threshold grows by this much per part beyond two (about a
     *                              chi-square's growth per degree of freedom, in log-likelihood units)
     * @param rateFloor             rates are kept inside (rateFloor, 1 − rateFloor) so a log-likelihood is always
     *                              finite
     * @param minEvidenceSeconds    localize on at least this many seconds: fewer hold too few attempts to tell one
     *                              segment from another
     * @param maxEvidenceSeconds    and at most this many: the history kept (RecentHistory) is four minutes
     * @param onsetMarginSeconds    the sequential tests' onset is an estimate to the second: start a little before
     *                              it (and onsets further apart than this get a window each)
     * @param recentSeconds         how many of the latest seconds tell a trouble that is over from one still going on:
     *                              the evidence windows reach back to its onset and still hold it after it ended
     * @param overLogOdds           a target's trouble is over when those seconds favour "back to what is expected"
     *                              over "still at the rate the evidence shows" by this log-likelihood ratio (ln 20:
     *                              20 to 1). A low-volume target's few latest attempts rarely say so; its own
     *                              sequential test does, later
     * @param unexplainedConfidence an alarm no failure status localizes: shown, but too unsure to open an incident or
     *                              be reported as a detection
     * @param minWindowAttempts     all traffic's window needs this many attempts before anything is judged: fewer are
     *                              too few to tell trouble from luck
     */
    public record Localization(
            double significance,
            int maxTargets,
            double heterogeneityPerPart,
            double rateFloor,
            int minEvidenceSeconds,
            int maxEvidenceSeconds,
            int onsetMarginSeconds,
            int recentSeconds,
            double overLogOdds,
            double unexplainedConfidence,
            long minWindowAttempts) {

        public static Localization defaults() {
            return new Localization(
                    8.0,           // significance
                    4,             // maxTargets
                    1.5,           // heterogeneityPerPart
                    0.002,         // rateFloor
                    10,            // minEvidenceSeconds
                    240,           // maxEvidenceSeconds
                    3,             // onsetMarginSeconds
                    15,            // recentSeconds
                    Math.log(20),  // overLogOdds
                    0.4,           // unexplainedConfidence
                    50);           // minWindowAttempts
        }
    }

    /**
     * How candidate effects are weighed: points of success, seconds of p95, fee points, and risk. A candidate's
     * success effect is measured at the payment level (the alternatives' own failures and declines and the retries
     * that rescue most attempt failures are already in it), so risk only has to stop moves whose gain is within
     * what being wrong could cost: a weight of 0.1 makes moving 40% of traffic on a sure diagnosis need a gain of
     * about 0.02 points of all payments.
     */
    public record ScoreWeights(double success, double latency, double cost, double risk) {
        public static final ScoreWeights DEFAULT = new ScoreWeights(1.0, 0.5, 0.05, 0.1);
    }

    /**
     * The decide step: which candidates are weighed, how they score, and what makes one need a human.
     *
     * @param weights             how candidate effects are weighed into a score
     * @param topHypotheses       candidates come from at most this many distinct troubles: the best and one other
     *                            (a second fault, or a path fault under a broad one)
     * @param tooClose            two different diagnoses on separate traffic whose confidences are closer than this
     *                            are too close to call: the change waits for a human
     * @param proposalFloor       below this a hypothesis may raise an alert or nothing: not even a request to change
     *                            routing (and a waiting request whose trouble is no longer seen this sure is dropped)
     * @param highImpactShare     a change moving more than this share of all traffic says "high impact" and waits for
     *                            a human
     * @param maxLessonAdjustment past lessons move a decision's confidence by at most this either way:
     *                            ±max × (helped − hurt) / (judged + 2), bounded, and cautious while there are few
     * @param alertConfidence     below this an alert would page someone on a hunch
     * @param routableEvidence    the log-likelihood ratio a target's traffic must reach, failing more than the same
     *                            traffic on the other gateways, before moving it counts as helping (about 1 in 3,000
     *                            by chance, as for detection)
     * @param undoMargin          how many times what a move costs once its trouble is gone (per payment, as it would
     *                            stand then) its gain now must be: one, so a minute of trouble avoided pays for a
     *                            minute of lag in undoing it
     * @param minFaultShare       for trouble on every gateway that is worse on some: at least this share of a path's
     *                            difference from the least-hit path must be the fault's (beyond the gap their
     *                            references always show), so a gateway that always approves a little less is not
     *                            closed for the fault; half, so the fault's part outweighs the usual part
     * @param gainMarginSe        a move's gain is counted at the difference in failures this many standard errors
     *                            below what was measured: two, so a gain that is only noise (retries rescue most of a
     *                            small difference) does not pass for one about 97.5% of the time
     * @param negligibleGain      a move that could gain at most this share of the moved attempts is not worth making
     * @param minRestAttempts     attempts the rest of a gateway needs before its measured difference replaces the
     *                            world's base success
     * @param retryCalmingValue   what calming retries is worth in a retry storm (in score points): a little less than
     *                            an alert where routing cannot help, so a person hears of the trouble first (and of a
     *                            bigger one alongside), and the retry policy is calmed in the cycle after; less than
     *                            any routing change that measurably saves payments
     * @param minBackoffMillis    a calmer retry policy waits at least this long between tries…
     * @param maxBackoffMillis    …and never longer than this: a payment still completes while its customer waits
     */
    public record Decision(
            ScoreWeights weights,
            int topHypotheses,
            double tooClose,
            double proposalFloor,
            double highImpactShare,
            double maxLessonAdjustment,
            double alertConfidence,
            double routableEvidence,
            double undoMargin,
            double minFaultShare,
            double gainMarginSe,
            double negligibleGain,
            long minRestAttempts,
            double retryCalmingValue,
            long minBackoffMillis,
            long maxBackoffMillis) {

        public static Decision defaults() {
            return new Decision(
                    ScoreWeights.DEFAULT, // weights
                    2,       // topHypotheses
                    0.1,     // tooClose
                    0.65,    // proposalFloor
                    0.25,    // highImpactShare
                    0.2,     // maxLessonAdjustment
                    0.75,    // alertConfidence
                    8.0,     // routableEvidence
                    1.0,     // undoMargin
                    0.5,     // minFaultShare
                    2.0,     // gainMarginSe
                    0.02,    // negligibleGain
                    200,     // minRestAttempts
                    0.15,    // retryCalmingValue
                    2_000,   // minBackoffMillis
                    8_000);  // maxBackoffMillis
        }
    }

    /**
     * The guard step's limits. The hard ones block a change outright; the soft ones make it wait for a human.
     *
     * @param minConfidenceToAct    acting alone needs at least this decision confidence
     * @param maxTrafficShift       no single change may move more than this share of all traffic
     * @param maxRetryMultiplier    attempts per payment the retry policy may allow at most (1 + max retries)
     * @param maxActiveActions      routing changes in force at once
     * @param cooldownSeconds       no new change on an overlapping target for this long after one
     * @param volumeCapShare        a change moving more than this share of traffic needs a human
     * @param approvalExpirySeconds a pending request expires after this long
     * @param interimConfidence     while a bigger change waits for a human, a smaller step against the same trouble is
     *                              taken alone only on overwhelming evidence (and never below minConfidenceToAct): an
     *                              outage on the busiest gateway should not wait a minute for a click to start being
     *                              contained
     * @param interimMaxShare       and only when it moves at most this share of all traffic: the high-impact share,
     *                              so a step taken alone is never one that would itself count as high impact
     */
    public record Guard(
            double minConfidenceToAct,
            double maxTrafficShift,
            double maxRetryMultiplier,
            int maxActiveActions,
            int cooldownSeconds,
            double volumeCapShare,
            int approvalExpirySeconds,
            double interimConfidence,
            double interimMaxShare) {

        public static Guard defaults() {
            return new Guard(
                    0.8,     // minConfidenceToAct
                    0.5,     // maxTrafficShift
                    3.0,     // maxRetryMultiplier
                    3,       // maxActiveActions
                    120,     // cooldownSeconds
                    0.45,    // volumeCapShare
                    300,     // approvalExpirySeconds
                    0.9,     // interimConfidence
                    0.25);   // interimMaxShare
        }
    }

    /**
     * The verify step: judging a fresh change (RollbackMonitor) and undoing it once its trouble is gone
     * (RecoveryMonitor).
     *
     * @param evaluationSeconds         how long after a change its effect is measured
     * @param settleSeconds             seconds after a change before its effect is counted, so retries in flight do not
     *                                  blur it
     * @param rollbackSuccessDrop       roll back when the moved traffic's success falls by more than this (absolute)
     * @param rollbackLatencyRise       roll back when the affected traffic's p95 rises by more than this factor
     * @param noiseZ                    how many standard errors a movement must clear to count as more than noise:
     *                                  one-sided, about a 2% chance of calling pure noise "hurt" (or "helped") on the
     *                                  single check each change gets. The value the verify step has always used
     * @param minHelp                   smallest fall in technical failure rate called "helped", however many samples:
     *                                  half a point
     * @param minAttempts               attempts on each side below which a comparison is not made at all (a handful of
     *                                  payments proves nothing)
     * @param minHelpedAttempts         attempts after the change before "helped" may be said: fewer is "inconclusive"
     * @param minControlAttempts        attempts the control needs on each side to be used; the same floor as the moved
     *                                  traffic's, since the standard error already carries the control's noise. Below
     *                                  it the change is judged on its own
     * @param minP95SecondsBefore       seconds of p95 needed before the change to judge latency: percentiles of a
     *                                  second or two are too jumpy
     * @param minP95SecondsAfter        and after it
     * @param probeAfterSeconds         an open circuit is probed half-open after this long
     * @param probeDecisionLogOdds      ln 19: the probe decides at about 95:5 odds either way
     * @param undecidedProbeSeconds     a probe that has not decided by then settles for the likelier side, but only
     *                                  once it has seen minUndecidedProbeAttempts attempts: a low-volume path lets a
     *                                  probe through a few attempts a minute, and a handful of lucky successes must not
     *                                  close a circuit on a fault that is still on
     * @param minUndecidedProbeAttempts see undecidedProbeSeconds
     * @param longestProbeSeconds       however few attempts came, a probe ends after this long (the path barely
     *                                  carries traffic)
     */
    public record Verification(
            int evaluationSeconds,
            int settleSeconds,
            double rollbackSuccessDrop,
            double rollbackLatencyRise,
            double noiseZ,
            double minHelp,
            long minAttempts,
            long minHelpedAttempts,
            long minControlAttempts,
            int minP95SecondsBefore,
            int minP95SecondsAfter,
            int probeAfterSeconds,
            double probeDecisionLogOdds,
            int undecidedProbeSeconds,
            long minUndecidedProbeAttempts,
            int longestProbeSeconds) {

        public static Verification defaults() {
            return new Verification(
                    40,            // evaluationSeconds
                    5,             // settleSeconds
                    0.03,          // rollbackSuccessDrop
                    1.5,           // rollbackLatencyRise
                    2.0,           // noiseZ
                    0.005,         // minHelp
                    10,            // minAttempts
                    30,            // minHelpedAttempts
                    10,            // minControlAttempts
                    3,             // minP95SecondsBefore
                    10,            // minP95SecondsAfter
                    45,            // probeAfterSeconds
                    Math.log(19),  // probeDecisionLogOdds
                    300,           // undecidedProbeSeconds
                    60,            // minUndecidedProbeAttempts
                    1_200);        // longestProbeSeconds
        }
    }

    /**
     * What the agent does not try again, or say again, for a while (its feasibility memory).
     *
     * @param forgetBlockedSeconds  a change the guardrails (or routing) refused is not proposed again for this long:
     *                              as long as the cooldown, the limit that most often blocks one
     * @param forgetRejectedSeconds a change a human rejected, or left to expire, is not asked for again for this long
     *                              (twice the approval expiry): a person who said no is not asked the same every cycle
     * @param realertSeconds        no second alert on a target within one already alerted for this long: a person
     *                              already paged about the trouble is not paged again every cycle
     * @param echoSeconds           how long a change's target keeps echoing in the wider segments' 60 s windows, with
     *                              margin: no change on a wider target while what it shows may be that echo
     */
    public record Memory(
            int forgetBlockedSeconds,
            int forgetRejectedSeconds,
            int realertSeconds,
            int echoSeconds) {

        public static Memory defaults() {
            return new Memory(
                    120,    // forgetBlockedSeconds
                    600,    // forgetRejectedSeconds
                    600,    // realertSeconds
                    120);   // echoSeconds
        }
    }

    /**
     * When trouble is reported, opens an incident, and when that incident is over.
     *
     * @param detectionConfidence an incident hypothesis is reported as a detection from this confidence: above an
     *                            unexplained alarm's ({@link Localization#unexplainedConfidence}), so only trouble the
     *                            reasoner could place is reported
     * @param openConfidence      an incident is opened from this confidence, a little surer than a detection
     * @param quietSeconds        an incident closes after this long with nothing seen on its target (and no change
     *                            made for it still in force)
     * @param healedSeconds       or after this long with nothing seen when its target's own tests say it is back
     *                            within its reference: the tests already waited for the evidence (at least
     *                            {@link Detection#recoveryMinSeconds}), so an incident ends with its cause, not a
     *                            minute later; a few seconds keep one flicker from closing and reopening it
     */
    public record Incidents(
            double detectionConfidence,
            double openConfidence,
            int quietSeconds,
            int healedSeconds) {

        public static Incidents defaults() {
            return new Incidents(
                    0.5,    // detectionConfidence
                    0.6,    // openConfidence
                    60,     // quietSeconds
                    6);     // healedSeconds
        }
    }
}
