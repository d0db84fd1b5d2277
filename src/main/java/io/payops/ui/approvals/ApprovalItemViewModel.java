package io.payops.ui.approvals;

import io.payops.domain.ApprovalRequest;
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
 * place on every pulse (the countdown moves; the rest rarely changes), so the card built for it is never rebuilt.
 * All text is formatted here (Locale.ROOT); the card only binds.
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

    private void countdown(long expiresAtMillis, long nowMillis) {
        long left = Math.max(0, (expiresAtMillis - nowMillis + 999) / 1000);
        secondsLeft.set(left);
        expiry.set(left == 0 ? "expiring" : "expires in " + left + " s");
        urgent.set(left <= URGENT_SECONDS);
    }

    /** The text that changes only when the request does (on arrival, in practice): not redone every pulse. */
    private void describe(ApprovalRequest r) {
        request = r;
        String whatText = r.action().describe();
        what.set(whatText);
        diagnosis.set(r.diagnosis().key().replace('_', ' '));
        why.set(r.why());
        reasons.set(r.approvalReasons().isEmpty() ? "" : "Needs a human: " + String.join("; ", r.approvalReasons()));
        RiskLevel level = RiskLevel.of(r.risk());
        riskLevel.set(level);
        risk.set(String.format(Locale.ROOT, "risk %s (%.2f)", level.key(), r.risk()));
        effect.set(String.format(Locale.ROOT, "%+.2f pts success on all traffic", r.expectedSuccessGain()));
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
        answerable.set(live && answer.get() == Answer.NONE);
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

    /** Expected effect: "+0.69 pts success on all traffic". */
    public ReadOnlyStringProperty effectProperty() {
        return effect.getReadOnlyProperty();
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
