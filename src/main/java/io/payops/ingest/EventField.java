package io.payops.ingest;

import io.payops.common.Excerpt;
import io.payops.domain.Status;

/** The fields of DESIGN §5.4, and how a textual value of each goes into {@link EventFields}. */
enum EventField {
    TS("ts"), PAYMENT_ID("paymentId"), ATTEMPT("attempt"), GATEWAY("gateway"), ISSUER("issuer"), NETWORK("network"),
    METHOD("method"), MERCHANT("merchant"), AMOUNT("amount"), CURRENCY("currency"), STATUS("status"),
    LATENCY_MS("latencyMs"),
    /** A yes/no success column, for logs that say success as a boolean (then an error code says why not). */
    SUCCESS("success"),
    /** An error or decline code that refines a generic failure ({@code Fail}, {@code success: false}). */
    ERROR_CODE("errorCode"),
    /** The amount in minor units (cents), read as amount / 100. */
    AMOUNT_MINOR("amountMinor"),
    /** Retries before this attempt (0 for the first), which some tools write instead of an attempt number. */
    RETRY_COUNT("retryCount");

    /** A latency beyond this is a unit mistake (microseconds, nanoseconds), not a slow bank. */
    static final int MAX_LATENCY_MS = 600_000;
    static final int MAX_ATTEMPT = 1000;

    final String key;

    EventField(String key) {
        this.key = key;
    }

    /** @return the field a key names (case, '_', '-' and spaces ignored: latency_ms is latencyMs), or null */
    static EventField of(String name) {
        String n = FieldAliases.normalize(name);
        for (EventField f : values()) {
            if (FieldAliases.normalize(f.key).equals(n)) {
                return f;
            }
        }
        return null;
    }

    /**
     * Read only from a column the user mapped, never by name or alias: tools mean "retries before this attempt" or
     * "retries this payment took" by the same name ({@code retry_count}), and reading the one as the other miscounts
     * payments.
     */
    boolean mappedOnly() {
        return this == RETRY_COUNT;
    }

    /** Dimensions: what a segment is cut by. */
    boolean isDimension() {
        return this == GATEWAY || this == ISSUER || this == NETWORK || this == METHOD || this == MERCHANT;
    }

    /** A dimension or the currency: a name kept as it is written. */
    boolean isName() {
        return this == GATEWAY || this == ISSUER || this == NETWORK || this == METHOD || this == MERCHANT || this == CURRENCY;
    }

    /** Sets a name field ({@link #isName()}) to an interned value. */
    void setName(EventFields e, String v) {
        switch (this) {
            case GATEWAY -> e.gateway = v;
            case ISSUER -> e.issuer = v;
            case NETWORK -> e.network = v;
            case METHOD -> e.method = v;
            case MERCHANT -> e.merchant = v;
            case CURRENCY -> e.currency = v;
            default -> throw new IllegalStateException(key + " is not a name");
        }
    }

    /** Sets this field from text; an empty value counts as absent. */
    void setText(EventFields e, char[] c, int off, int len, ReadContext ctx) throws LineProblem {
        if (len == 0) {
            return;
        }
        ValueCache values = ctx.values;
        switch (this) {
            case TS -> {
                e.ts = Timestamps.parse(c, off, len, ctx.zone);
                e.hasTs = true;
            }
            case PAYMENT_ID -> e.paymentId = paymentId(c, off, len);
            case ATTEMPT -> setAttempt(e, wholeNumber(c, off, len, "attempt", "a whole number from 1"));
            case GATEWAY -> e.gateway = values.name(c, off, len);
            case ISSUER -> e.issuer = values.name(c, off, len);
            case NETWORK -> e.network = values.name(c, off, len);
            case METHOD -> e.method = values.name(c, off, len);
            case MERCHANT -> e.merchant = values.name(c, off, len);
            case CURRENCY -> e.currency = values.name(c, off, len);
            case AMOUNT -> setAmount(e, decimal(c, off, len, "amount"));
            case STATUS -> {
                // our own names without a lookup; any other word through the vocabulary, never refused
                Status s = StatusNames.of(c, off, len);
                if (s != null) {
                    e.status = s;
                } else {
                    e.statusWord = ctx.word(c, off, len);
                }
            }
            case LATENCY_MS -> setLatency(e, decimal(c, off, len, "latencyMs"));
            case SUCCESS -> e.successFlag = flag(c, off, len);
            case ERROR_CODE -> e.codeWord = ctx.word(c, off, len);
            case AMOUNT_MINOR -> setAmount(e, decimal(c, off, len, "amountMinor") / 100);
            case RETRY_COUNT -> setAttempt(e, wholeNumber(c, off, len, "retryCount", "a whole number from 0") + 1);
        }
    }

    /** A yes/no written as true/false, 1/0, yes/no, y/n, t/f in any case. */
    static int flag(char[] c, int off, int len) throws LineProblem {
        for (String yes : YES) {
            if (sameIgnoringCase(yes, c, off, len)) {
                return 1;
            }
        }
        for (String no : NO) {
            if (sameIgnoringCase(no, c, off, len)) {
                return 0;
            }
        }
        throw new LineProblem("success: '" + clip(c, off, len) + "' is not a yes or no (expected true or false, 1 or 0, "
                + "yes or no)");
    }

    private static final String[] YES = {"true", "1", "yes", "y", "t"};
    private static final String[] NO = {"false", "0", "no", "n", "f"};

    private static boolean sameIgnoringCase(String word, char[] c, int off, int len) {
        if (word.length() != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (Character.toLowerCase(c[off + i]) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static void setAttempt(EventFields e, long v) throws LineProblem {
        if (v < 1 || v > MAX_ATTEMPT) {
            throw new LineProblem("attempt: " + v + " is out of range (expected 1 to " + MAX_ATTEMPT + ")");
        }
        e.attemptNo = (int) v;
    }

    static void setAmount(EventFields e, double v) throws LineProblem {
        if (!Double.isFinite(v) || v < 0) {
            throw new LineProblem("amount: " + v + " is out of range (expected a number >= 0)");
        }
        e.amount = v;
    }

    static void setLatency(EventFields e, double v) throws LineProblem {
        if (!(v >= 0 && v <= MAX_LATENCY_MS)) {
            throw new LineProblem("latencyMs: " + v + " is out of range (expected 0 to " + MAX_LATENCY_MS + " milliseconds)");
        }
        e.latencyMs = (int) Math.round(v);
        e.hasLatency = true;
    }

    /** A numeric id as it is; any other id (pay_123) hashed, since ids are only told apart, never ordered. */
    static long paymentId(char[] c, int off, int len) {
        long v = 0;
        boolean numeric = len <= 18;
        for (int i = 0; i < len && numeric; i++) {
            char ch = c[off + i];
            if (ch < '0' || ch > '9') {
                numeric = false;
            } else {
                v = v * 10 + (ch - '0');
            }
        }
        if (numeric) {
            return v;
        }
        long h = 1125899906842597L;
        for (int i = 0; i < len; i++) {
            h = 31 * h + c[off + i];
        }
        return h;
    }

    private static long wholeNumber(char[] c, int off, int len, String field, String expected) throws LineProblem {
        if (len > 18) {
            throw new LineProblem(field + ": '" + clip(c, off, len) + "' is not a number (expected " + expected + ")");
        }
        long v = 0;
        for (int i = 0; i < len; i++) {
            char ch = c[off + i];
            if (ch < '0' || ch > '9') {
                throw new LineProblem(field + ": '" + clip(c, off, len) + "' is not a whole number (expected " + expected + ")");
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }

    /** Plain decimals (123, 45.67) are read by hand, exactly as Double.parseDouble reads them; anything else through it. */
    private static double decimal(char[] c, int off, int len, String field) throws LineProblem {
        long whole = 0;
        long frac = 0;
        long scale = 1;
        boolean dot = false;
        boolean simple = len <= 15;
        for (int i = 0; i < len && simple; i++) {
            char ch = c[off + i];
            if (ch >= '0' && ch <= '9') {
                if (dot) {
                    frac = frac * 10 + (ch - '0');
                    scale *= 10;
                } else {
                    whole = whole * 10 + (ch - '0');
                }
            } else if (ch == '.' && !dot && i > 0 && i < len - 1) {
                dot = true;
            } else {
                simple = false;
            }
        }
        if (simple) {
            // at most 15 digits: the digits as one integer and the power of ten are both exact doubles, so one
            // division rounds once, to the double nearest the decimal, as Double.parseDouble does ("3.72" is 3.72,
            // not the 3.7199999999999998 that adding the fraction to the whole part gave)
            return (double) (whole * scale + frac) / scale;
        }
        // only what JSON calls a number (no 12f, 0x1p4, Infinity, NaN, which Double.parseDouble would take)
        for (int i = 0; i < len; i++) {
            char ch = c[off + i];
            if (!(ch >= '0' && ch <= '9' || ch == '.' || ch == 'e' || ch == 'E' || ch == '-' || ch == '+')) {
                throw new LineProblem(field + ": '" + clip(c, off, len) + "' is not a number");
            }
        }
        try {
            return Double.parseDouble(new String(c, off, len).trim());
        } catch (NumberFormatException ex) {
            throw new LineProblem(field + ": '" + clip(c, off, len) + "' is not a number");
        }
    }

    /** A value as a line problem quotes it (see {@link Excerpt}). */
    static String clip(char[] c, int off, int len) {
        return Excerpt.of(c, off, len);
    }
}
