package io.payops.agent.reason.llm;

/**
 * Why a call to a model gave no usable answer. The message never holds the API key (clients pass theirs through
 * {@link Secret#redact}); {@link #kind} decides whether a retry may help.
 */
public final class LlmFailure extends Exception {
    public enum Kind {
        /** The deadline passed. */
        TIMEOUT(true),
        /** HTTP 429: the provider asks us to slow down. */
        RATE_LIMITED(true),
        /** HTTP 5xx. */
        SERVER_ERROR(true),
        /** Connection refused, reset, DNS. */
        NETWORK(true),
        /** HTTP 4xx other than 429 (bad key, bad model, bad request): retrying cannot help. */
        CLIENT_ERROR(false),
        /** The answer was not JSON, did not follow the schema, or named something that does not exist. */
        BAD_ANSWER(false),
        /** No API key is configured. */
        NO_KEY(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Kind kind;

    public LlmFailure(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
