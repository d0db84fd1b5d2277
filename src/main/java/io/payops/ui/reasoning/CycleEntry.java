package io.payops.ui.reasoning;

import io.payops.domain.AgentCycle;
import io.payops.domain.GuardVerdict;

/**
 * One line of the cycle history, already in words. A class rather than a record on purpose: the history list and
 * its selection compare entries by identity, which is both right (two cycles are never "the same") and cheap
 * (a record would compare every anomaly and hypothesis).
 */
public final class CycleEntry {
    private final AgentCycle cycle;
    private final String time;
    private final String diagnosis;
    private final String action;
    private final GuardVerdict.Kind verdict;
    private final String verdictText;
    private final boolean quiet;
    private final int windowSeconds;

    CycleEntry(AgentCycle cycle, String time, String diagnosis, String action, GuardVerdict.Kind verdict,
               String verdictText, boolean quiet, int windowSeconds) {
        this.cycle = cycle;
        this.time = time;
        this.diagnosis = diagnosis;
        this.action = action;
        this.verdict = verdict;
        this.verdictText = verdictText;
        this.quiet = quiet;
        this.windowSeconds = windowSeconds;
    }

    public AgentCycle cycle() {
        return cycle;
    }

    public long atMillis() {
        return cycle.atMillis();
    }

    /** "t=312 s". */
    public String time() {
        return time;
    }

    /** The top hypothesis and its target: "gateway_outage · gateway=stripe". */
    public String diagnosis() {
        return diagnosis;
    }

    /** The selected action, described: "open_circuit on gateway=stripe". */
    public String action() {
        return action;
    }

    /** The guardrail verdict, or null when nothing was decided. */
    public GuardVerdict.Kind verdict() {
        return verdict;
    }

    /** "allow", "needs approval", "block" or "—". */
    public String verdictText() {
        return verdictText;
    }

    /** Nothing out of the ordinary: no anomaly, no incident hypothesis on top, nothing to do. */
    public boolean quiet() {
        return quiet;
    }

    /** The detector's window when the cycle ran: its anomalies' rates are over these seconds. */
    public int windowSeconds() {
        return windowSeconds;
    }

    @Override
    public String toString() {
        return time + " " + diagnosis + " → " + action + " [" + verdictText + "]";
    }
}
