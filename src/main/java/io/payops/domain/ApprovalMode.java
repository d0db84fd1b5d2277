package io.payops.domain;

/**
 * How approval requests are answered in a headless run: {@code auto:SECONDS} has a simulated operator approve each
 * request that many simulated seconds after it was raised; {@code never} rejects them all; {@code manual} leaves them
 * to a person (the console).
 */
public record ApprovalMode(Kind kind, int delaySeconds) {
    public enum Kind { AUTO, NEVER, MANUAL }

    public static final ApprovalMode DEFAULT_HEADLESS = new ApprovalMode(Kind.AUTO, 60);
    public static final ApprovalMode MANUAL = new ApprovalMode(Kind.MANUAL, 0);

    /** Parses "auto:60", "never" or "manual"; throws IllegalArgumentException saying what was expected. */
    public static ApprovalMode parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.equals("never")) {
            return new ApprovalMode(Kind.NEVER, 0);
        }
        if (t.equals("manual")) {
            return MANUAL;
        }
        if (t.startsWith("auto:")) {
            try {
                int s = Integer.parseInt(t.substring(5));
                if (s >= 0 && s <= 86_400) {
                    return new ApprovalMode(Kind.AUTO, s);
                }
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not an approval mode (expected auto:SECONDS with SECONDS "
                + "from 0 to 86400, or never)");
    }

    @Override
    public String toString() {
        return switch (kind) {
            case AUTO -> "auto:" + delaySeconds;
            case NEVER -> "never";
            case MANUAL -> "manual";
        };
    }
}
