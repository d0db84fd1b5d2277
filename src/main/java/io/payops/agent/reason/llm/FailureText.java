package io.payops.agent.reason.llm;


/** Builds the one-line, key-free messages of {@link LlmFailure}s for both clients. */
final class FailureText {
    /** Long enough for a provider's error sentence, short enough for one line of the reasoning pane. */
    static final int MAX = 240;

    private FailureText() {
    }

    /**
     * {@code provider: what} made one line that displays as it reads ({@link ModelText}: {@code what} often quotes
     * the provider), the key redacted, whitespace collapsed, then cut to {@link #MAX}. Cleaning comes before
     * redacting (a key with a zero-width space inside would be found only once the space is gone), and redacting
     * before cutting (cutting first could leave half a key that {@link Secret#redact} no longer recognises).
     */
    static String of(Secret key, String provider, String what) {
        String text = key.redact(ModelText.oneLine(provider + ": " + (what == null ? "" : what)));
        text = text.replaceAll("\\s+", " ").trim();
        return ModelText.clip(text, MAX);
    }

    /** An HTTP status as a failure: 429 rate limited, 5xx server error, any other status a client error. */
    static LlmFailure forStatus(Secret key, String provider, int status, String detail) {
        LlmFailure.Kind kind = status == 429 ? LlmFailure.Kind.RATE_LIMITED
                : status >= 500 && status < 600 ? LlmFailure.Kind.SERVER_ERROR
                : LlmFailure.Kind.CLIENT_ERROR;
        String d = detail == null || detail.isBlank() ? "" : ": " + detail;
        return new LlmFailure(kind, of(key, provider, "HTTP " + status + d));
    }

    /** A transport exception: timeouts are TIMEOUT, anything else on the wire (refused, reset, DNS) NETWORK. */
    static LlmFailure forIo(Secret key, String provider, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.http.HttpTimeoutException || t instanceof java.io.InterruptedIOException) {
                // InterruptedIOException covers OkHttp's call timeout and SocketTimeoutException
                return new LlmFailure(LlmFailure.Kind.TIMEOUT, of(key, provider, "timed out (" + describe(t) + ")"));
            }
        }
        // the outer exception names what failed (ConnectException), the innermost often why (Connection refused)
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String what = root == e ? describe(e) : describe(e) + " (" + describe(root) + ")";
        return new LlmFailure(LlmFailure.Kind.NETWORK, of(key, provider, "network error: " + what));
    }

    static String describe(Throwable t) {
        String name = t.getClass().getSimpleName();
        String msg = t.getMessage();
        return msg == null || msg.isBlank() ? name : name + " " + msg;
    }


    /** A caller's retry budget can run out; 0 would mean "no timeout" to OkHttp and is refused by java.net.http. */
    static void requireTimeLeft(LlmRequest request, String provider) throws LlmFailure {
        if (request.deadlineMillis() <= 0) {
            throw new LlmFailure(LlmFailure.Kind.TIMEOUT, provider + ": no time left for the call");
        }
    }

    /**
     * Waits for a call at most its deadline (the HTTP libraries' own timeouts do not all cover the body); a late
     * call is cancelled; a failed one becomes what {@code onError} makes of its cause.
     */
    static <T> T await(java.util.concurrent.Future<T> call, long deadlineMillis, Secret key, String provider,
                       java.util.function.Function<Throwable, LlmFailure> onError) throws LlmFailure {
        try {
            return call.get(deadlineMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            call.cancel(true);
            throw new LlmFailure(LlmFailure.Kind.TIMEOUT, of(key, provider, "no answer within " + deadlineMillis + " ms"));
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new LlmFailure(LlmFailure.Kind.TIMEOUT, of(key, provider, "call interrupted"));
        } catch (java.util.concurrent.ExecutionException e) {
            throw onError.apply(e.getCause() == null ? e : e.getCause());
        }
    }
}
