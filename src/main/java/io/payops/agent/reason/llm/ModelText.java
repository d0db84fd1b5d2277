package io.payops.agent.reason.llm;

/**
 * Text a model or its provider wrote (evidence, an error message, a quoted part of a bad answer), made fit to show
 * to people on one line: what the console, the report and the recordings display then reads as its characters do.
 *
 * <p>Removed: every format character (Unicode category Cf), which includes the bidirectional controls (U+202A–U+202E,
 * U+2066–U+2069, U+200E/U+200F, U+061C) that make text display in another order than it is stored, the zero-width
 * characters and the invisible tag characters (U+E0000–U+E007F) that can hide words; and unpaired surrogates.
 * Replaced by a space: control characters (C0, DEL, C1), tab and newline included, and the line and paragraph
 * separators, since a line break inside a sentence could make a model's words look like a line of our own.
 */
final class ModelText {
    private ModelText() {
    }

    /** {@code text} without format characters or unpaired surrogates, every line break or control a space. */
    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            switch (Character.getType(c)) {
                case Character.FORMAT, Character.SURROGATE -> {
                    // invisible, or not a character: dropped (a space would show where nothing was seen)
                }
                case Character.CONTROL, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> out.append(' ');
                default -> out.appendCodePoint(c);
            }
        }
        return out.toString();
    }

    /** At most {@code max} characters, the last an ellipsis when cut; never cuts a surrogate pair in two. */
    static String clip(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
