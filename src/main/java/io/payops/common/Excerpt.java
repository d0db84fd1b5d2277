package io.payops.common;

/**
 * A user's value as a message quotes it: whole when short, else its start and its length, so a 3 MB gateway name
 * in a log or a scenario costs one line of stderr, not 3 MB, and the reader still sees which value it was. Every
 * message that quotes a value from a file or the command line goes through here.
 */
public final class Excerpt {
    /** Shown of a long value: enough to recognise a name, an id or a timestamp. */
    public static final int SHOWN_CHARS = 60;
    /**
     * Values up to this long are quoted whole: abbreviating one only a little longer than what is shown would make
     * it longer, not shorter.
     */
    public static final int WHOLE_CHARS = 80;

    private Excerpt() {
    }

    /** {@code value} itself, or its first 60 characters and "… (3145728 chars)"; "null" for null. */
    public static String of(CharSequence value) {
        if (value == null) {
            return "null";
        }
        int n = value.length();
        if (n <= WHOLE_CHARS) {
            return value.toString();
        }
        int cut = SHOWN_CHARS;
        if (Character.isHighSurrogate(value.charAt(cut - 1))) {
            cut--;   // never half a character
        }
        return value.subSequence(0, cut) + "… (" + n + " chars)";
    }

    /** The same for characters in a buffer, without copying more of them than are shown. */
    public static String of(char[] c, int off, int len) {
        return of(java.nio.CharBuffer.wrap(c, off, len));
    }
}
