package io.payops.ui.approvals;

import io.payops.domain.ApprovalRequest;
import io.payops.domain.Snapshot;
import io.payops.domain.TicketAction;
import io.payops.ui.tickets.TicketWords;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Locale;

/**
 * One pending approval request as a card shows it. Created when the request first appears in a frame and updated in
 * place on every pulse, so the card built for it is never rebuilt: the countdown, and the evidence, expected effect
 * and traffic share as the newest frame measures them ({@link RequestNumbers}), while "as raised" keeps the agent's
 * numbers of the moment it asked. Once the request has left the pending list the item is {@link #end ended}: it says
 * how and why for a few seconds before the pane lets it go. All text is formatted here (Locale.ROOT); the card only
 * binds.
 */
public final class ApprovalItemViewModel {
    /** Below this many simulated seconds left the countdown is shown as urgent. */
    static final long URGENT_SECONDS = 30;
    private static final int NOTIFICATION_LINE_CHARS = 64;

    /** How risky the change is, for a pseudo-class on the risk label. */
    public enum RiskLevel {
        LOW, MEDIUM, HIGH;

        static RiskLevel of(double risk) {
            return risk < 0.25 ? LOW : risk < 0.5 ? MEDIUM : HIGH;
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What the operator sent for this request, if anything. */
    public enum Answer { NONE, APPROVE, REJECT }

    private final long actionId;
    private final ReadOnlyStringWrapper what = new ReadOnlyStringWrapper(this, "what", "");
    private final ReadOnlyStringWrapper diagnosis = new ReadOnlyStringWrapper(this, "diagnosis", "");
    private final ReadOnlyStringWrapper why = new ReadOnlyStringWrapper(this, "why", "");
    private final ReadOnlyStringWrapper reasons = new ReadOnlyStringWrapper(this, "reasons", "");
    private final ReadOnlyStringWrapper risk = new ReadOnlyStringWrapper(this, "risk", "");
    private final ReadOnlyObjectWrapper<RiskLevel> riskLevel = new ReadOnlyObjectWrapper<>(this, "riskLevel", RiskLevel.LOW);
    private final ReadOnlyStringWrapper effect = new ReadOnlyStringWrapper(this, "effect", "");
    private final ReadOnlyStringWrapper confidence = new ReadOnlyStringWrapper(this, "confidence", "");
    private final ReadOnlyLongWrapper secondsLeft = new ReadOnlyLongWrapper(this, "secondsLeft");
    private final ReadOnlyStringWrapper expiry = new ReadOnlyStringWrapper(this, "expiry", "");
    private final ReadOnlyBooleanWrapper urgent = new ReadOnlyBooleanWrapper(this, "urgent");
    private final ReadOnlyObjectWrapper<Answer> answer = new ReadOnlyObjectWrapper<>(this, "answer", Answer.NONE);
    private final ReadOnlyStringWrapper answerText = new ReadOnlyStringWrapper(this, "answerText", "");
    private final ReadOnlyBooleanWrapper answerable = new ReadOnlyBooleanWrapper(this, "answerable");
    private final ReadOnlyBooleanWrapper selected = new ReadOnlyBooleanWrapper(this, "selected");
    private final ReadOnlyStringWrapper approveHint = new ReadOnlyStringWrapper(this, "approveHint", "");
    private final ReadOnlyStringWrapper rejectHint = new ReadOnlyStringWrapper(this, "rejectHint", "");
    private final ReadOnlyStringWrapper kind = new ReadOnlyStringWrapper(this, "kind", "");
    private final ReadOnlyStringWrapper share = new ReadOnlyStringWrapper(this, "share", "");
    private final ReadOnlyStringWrapper asRaised = new ReadOnlyStringWrapper(this, "asRaised", "");
    private final ReadOnlyBooleanWrapper ended = new ReadOnlyBooleanWrapper(this, "ended");
    private final ReadOnlyStringWrapper endText = new ReadOnlyStringWrapper(this, "endText", "");
    /** Simulated seconds per wall second, for the wall-clock expiry; 1 or less shows none. */
    private double speed = 1;
    private long expiresAtMillis;
    private long nowMillis;
    private ApprovalRequest request;
    private TicketAction ticketAction;
    private final boolean live;

    ApprovalItemViewModel(ApprovalRequest request, long nowMillis, boolean live) {
        this.actionId = request.actionId();
        this.live = live;
        update(request, nowMillis);
    }

    /** A support-ticket escalation (issue #8) waiting for a human, answered with the same Decide command. */
    public ApprovalItemViewModel(TicketAction escalation, long nowMillis, boolean live) {
        this.actionId = escalation.id();
        this.live = live;
        kind.set(TicketWords.ESCALATION_KIND);
        update(escalation, nowMillis);
    }

    /** Takes the request as the newest frame lists it, and the countdown to that frame's time. */
    void update(ApprovalRequest r, long nowMillis) {
        if (!r.equals(request)) {
            describe(r);
        }
        countdown(r.expiresAtMillis(), nowMillis);
    }

    /** Takes the escalation as the newest frame lists it, and the countdown to that frame's time. */
    public void update(TicketAction a, long nowMillis) {
        if (!a.equals(ticketAction)) {
            describe(a);
        }
        countdown(a.expiresAtMillis() == null ? nowMillis : a.expiresAtMillis(), nowMillis);
    }

    private void countdown(long expiresAt, long now) {
        if (ended.get()) {
            return;
        }
        expiresAtMillis = expiresAt;
        nowMillis = now;
        long left = Math.max(0, (expiresAt - now + 999) / 1000);
        secondsLeft.set(left);
        expiry.set(left == 0 ? "expiring" : "expires in " + left + " s" + wallTime(left));
        urgent.set(left <= URGENT_SECONDS);
    }

    /**
     * "\n≈ 5 s of wall time at ×50" when the session runs faster than real time: at ×20 a request's 240 s are 12 s
     * of the operator's time, which is what they have to read it. Nothing in a replay (nobody can answer it there).
     */
    private String wallTime(long leftSeconds) {
        if (!live || speed <= 1 || leftSeconds == 0) {
            return "";
        }
        String x = speed == Math.rint(speed) ? Long.toString((long) speed) : String.format(Locale.ROOT, "%.1f", speed);
        return "\n≈ " + Math.max(1, Math.round(leftSeconds / speed)) + " s of wall time at ×" + x;
    }

    /** The session's speed changed: the wall-clock expiry follows at once. */
    void setSpeed(double x) {
        speed = x;
        if (request != null || ticketAction != null) {
            countdown(expiresAtMillis, nowMillis);
        }
    }

    /**
     * The request's numbers as this frame measures them, for its target: the evidence now against normal, the gain
     * if applied now and the traffic it would move now. Not for a ticket escalation, nor once ended (the card then
     * keeps the last numbers it showed).
     */
    void measure(Snapshot snapshot) {
        if (request == null || ended.get() || snapshot == null) {
            return;
        }
        RequestNumbers n = RequestNumbers.of(request, snapshot);
        why.set(n.evidence());
        effect.set(n.effect().isEmpty() ? raisedEffect(request) : n.effect());
        share.set(n.share());
    }

    /**
     * The request left the pending list: the card says how ({@code status}: "withdrawn", "expired", "approved",
     * "rejected"), and why, and can no longer be answered. Its numbers stop where they were.
     */
    public void end(String status, String text) {
        ended.set(true);
        expiry.set(status);
        urgent.set(false);
        endText.set(text);
        answerText.set("");
        refreshAnswerable();
    }

    /** The text that changes only when the request does (on arrival, in practice): not redone every pulse. */
    private void describe(ApprovalRequest r) {
        String whatText = r.action().describe();
        what.set(whatText);
        diagnosis.set(r.diagnosis().key().replace('_', ' '));
        if (request == null || why.get().isEmpty()) {
            // until a frame measures them, the numbers are those it was raised with
            why.set(r.why());
            effect.set(raisedEffect(r));
        }
        request = r;
        String said = r.why().endsWith(".") ? r.why().substring(0, r.why().length() - 1) : r.why();
        asRaised.set(String.format(Locale.ROOT, "as raised at t=%s s: %s; %s", seconds(r.raisedAtMillis()), said,
                raisedEffect(r)));
        reasons.set(r.approvalReasons().isEmpty() ? "" : "Needs a human: " + String.join("; ", r.approvalReasons()));
        RiskLevel level = RiskLevel.of(r.risk());
        riskLevel.set(level);
        risk.set(String.format(Locale.ROOT, "risk %s (%.2f)", level.key(), r.risk()));
        confidence.set(String.format(Locale.ROOT, "%.0f%% confident", r.confidence() * 100));
        approveHint.set("Approve: the agent will " + whatText + " (Ctrl+Shift+A approves the selected request)");
        rejectHint.set("Reject: the agent will not " + whatText + " (Ctrl+Shift+R rejects the selected request)");
        refreshAnswerable();
    }

    private void describe(TicketAction a) {
        ticketAction = a;
        String whatText = TicketWords.what(a);
        what.set(whatText);
        diagnosis.set(TicketWords.key(a.rootCause().key()));
        why.set(a.why());
        reasons.set(a.approvalReasons().isEmpty() ? "" : "Needs a human: " + String.join("; ", a.approvalReasons()));
        riskLevel.set(a.type().needsApproval() ? RiskLevel.HIGH : RiskLevel.LOW);
        risk.set("risk " + a.risk());
        effect.set(TicketWords.reach(a.merchants()));
        confidence.set("");
        approveHint.set("Approve: the triage will " + whatText + " (Ctrl+Shift+A approves the selected request)");
        rejectHint.set("Reject: the triage will not " + whatText + " (Ctrl+Shift+R rejects the selected request)");
        refreshAnswerable();
    }

    private static String raisedEffect(ApprovalRequest r) {
        return String.format(Locale.ROOT, "%+.2f pts success on all traffic", r.expectedSuccessGain());
    }

    /** Simulated seconds as the console shows them: "303", or "303.5" off the whole second. */
    static String seconds(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }

    public void markAnswered(Answer a) {
        answer.set(a);
        answerText.set(switch (a) {
            case APPROVE -> "approval sent…";
            case REJECT -> "rejection sent…";
            case NONE -> "";
        });
        refreshAnswerable();
    }

    public void setSelected(boolean isSelected) {
        selected.set(isSelected);
    }

    private void refreshAnswerable() {
        answerable.set(live && answer.get() == Answer.NONE && !ended.get());
    }

    public long actionId() {
        return actionId;
    }

    /** The payment request as last seen in a frame (null for a support-ticket escalation). */
    public ApprovalRequest request() {
        return request;
    }

    public boolean isTicketEscalation() {
        return ticketAction != null;
    }

    /** "Support-ticket escalation" for one, empty for a payment request. */
    public ReadOnlyStringProperty kindProperty() {
        return kind.getReadOnlyProperty();
    }

    /** For the pop-up: what the agent wants to do and why, wrapped (the pop-up's label does not wrap). */
    public String notificationText() {
        return what.get() + "\n" + wrap(why.get(), NOTIFICATION_LINE_CHARS);
    }

    /** Breaks text into lines of at most about {@code width} characters, at spaces. */
    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        int lineLength = 0;
        for (String word : text.split(" ")) {
            if (lineLength > 0 && lineLength + 1 + word.length() > width) {
                out.append('\n');
                lineLength = 0;
            } else if (lineLength > 0) {
                out.append(' ');
                lineLength++;
            }
            out.append(word);
            lineLength += word.length();
        }
        return out.toString();
    }

    public ReadOnlyStringProperty whatProperty() {
        return what.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty diagnosisProperty() {
        return diagnosis.getReadOnlyProperty();
    }

    /** The evidence, as the newest frame measures it ("now: … against … normally"); as raised until the first. */
    public ReadOnlyStringProperty whyProperty() {
        return why.getReadOnlyProperty();
    }

    /** "Needs a human: ..." — why the guardrails asked, or empty. */
    public ReadOnlyStringProperty reasonsProperty() {
        return reasons.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty riskProperty() {
        return risk.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RiskLevel> riskLevelProperty() {
        return riskLevel.getReadOnlyProperty();
    }

    /** Expected effect, as the newest frame measures it: "now ≈ +6.21 pts success" (points of all traffic). */
    public ReadOnlyStringProperty effectProperty() {
        return effect.getReadOnlyProperty();
    }

    /** The traffic the change would move, as the newest frame measures it: "moves 20% of traffic now", or empty. */
    public ReadOnlyStringProperty shareProperty() {
        return share.getReadOnlyProperty();
    }

    /** The evidence and expected effect the agent asked with, kept for the record: "as raised at t=303 s: …". */
    public ReadOnlyStringProperty asRaisedProperty() {
        return asRaised.getReadOnlyProperty();
    }

    /** True once the request has left the pending list (answered, expired, withdrawn). */
    public ReadOnlyBooleanProperty endedProperty() {
        return ended.getReadOnlyProperty();
    }

    public boolean isEnded() {
        return ended.get();
    }

    /** How and why it ended: "withdrawn: the agent took this action itself at t=424 s: …", or empty while pending. */
    public ReadOnlyStringProperty endTextProperty() {
        return endText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty confidenceProperty() {
        return confidence.getReadOnlyProperty();
    }

    /** Simulated seconds until the request expires, as of the newest frame. */
    public long getSecondsLeft() {
        return secondsLeft.get();
    }

    public ReadOnlyStringProperty expiryProperty() {
        return expiry.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty urgentProperty() {
        return urgent.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Answer> answerProperty() {
        return answer.getReadOnlyProperty();
    }

    /** "approval sent…" once answered, until the request leaves the frame. */
    public ReadOnlyStringProperty answerTextProperty() {
        return answerText.getReadOnlyProperty();
    }

    /** False once answered (no double submits) and in a replay. */
    public ReadOnlyBooleanProperty answerableProperty() {
        return answerable.getReadOnlyProperty();
    }

    public boolean isAnswerable() {
        return answerable.get();
    }

    public ReadOnlyBooleanProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty approveHintProperty() {
        return approveHint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rejectHintProperty() {
        return rejectHint.getReadOnlyProperty();
    }
}
