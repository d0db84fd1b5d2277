package io.payops.agent.reason.llm;

/**
 * An API key held in memory only: it prints as "***", is never serialized (no getter Jackson could see), and
 * {@link #redact} removes it from any text (an exception message, a URL) before that text is shown or logged.
 */
public final class Secret {
    public static final Secret NONE = new Secret("");
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        return value == null || value.isBlank() ? NONE : new Secret(value.trim());
    }

    /** The first of the environment variables that is set, e.g. GEMINI_API_KEY then GOOGLE_API_KEY. */
    public static Secret fromEnvironment(java.util.Map<String, String> env, String... names) {
        for (String n : names) {
            String v = env.get(n);
            if (v != null && !v.isBlank()) {
                return of(v);
            }
        }
        return NONE;
    }

    public boolean isPresent() {
        return !value.isEmpty();
    }

    /** For the client that sends it, and nothing else. */
    public String reveal() {
        return value;
    }

    /** {@code text} with every occurrence of the key replaced by "***". */
    public String redact(String text) {
        if (text == null || value.isEmpty()) {
            return text;
        }
        return text.replace(value, "***");
    }

    @Override
    public String toString() {
        return isPresent() ? "***" : "(none)";
    }
}
