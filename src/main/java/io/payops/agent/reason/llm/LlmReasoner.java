package io.payops.agent.reason.llm;

import io.payops.agent.reason.HeuristicReasoner;
import io.payops.agent.reason.Reasoner;
import io.payops.agent.reason.ReasoningInput;
import io.payops.domain.Hypothesis;
import io.payops.domain.ReasonerCall;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Hypotheses from a language model, safe by construction: the model only interprets (see {@link HypothesisPrompt});
 * its answer is checked field by field ({@link LlmAnswer}) and its confidence blended with what was measured
 * ({@link ConfidenceBlend}); the policy engine and the guardrails alone choose and gate actions.
 *
 * <p>On any failure (timeout, 429, 5xx, network, a bad answer) the {@link HeuristicReasoner}'s hypotheses are the
 * answer and {@link #note()} says why. After {@value #BREAKER_FAILURES} failures in a row the model is not asked for
 * {@value #BREAKER_SECONDS} simulated seconds. Calls run on a thread of their own with a hard deadline and bounded
 * retries. In {@link Mode#WAIT} (headless runs) the cycle waits for the answer, so runs stay reproducible; in
 * {@link Mode#NEVER_WAIT} (the console) the engine never waits: an answer that arrives serves the next cycle, and one
 * older than {@value #FRESH_SECONDS} simulated seconds is dropped. The model is asked only when something is
 * anomalous: quiet traffic costs no tokens.
 */
public final class LlmReasoner implements Reasoner {
    /** Headless runs wait for the answer (up to the deadline); the console never waits and uses it a cycle later. */
    public enum Mode { WAIT, NEVER_WAIT }

    static final int BREAKER_FAILURES = 3;
    static final int BREAKER_SECONDS = 120;
    static final int FRESH_SECONDS = 10;
    private static final long FIRST_BACKOFF_MILLIS = 200;

    /** Built on the caller thread at the first call (the Gemini client takes a second to build): never on the FX thread. */
    private final java.util.function.Supplier<LlmClient> clientFactory;
    private volatile LlmClient client;
    private final LlmSettings settings;
    private final Mode mode;
    private final HeuristicReasoner heuristics = new HeuristicReasoner();
    /** One call at a time; the thread ends when idle, so a console restarted many times leaves none behind. */
    private final ExecutorService caller = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "llm-call");
                t.setDaemon(true);
                return t;
            });
    private int failuresInARow;
    private long pausedUntilMillis = Long.MIN_VALUE;
    private Pending inFlight;
    private ReasonerCall last;
    private String note;

    /** A call under way in {@link Mode#NEVER_WAIT}: what it was asked at, and its future reply. */
    private record Pending(long askedAtMillis, CompletableFuture<LlmReply> reply) {
    }

    public LlmReasoner(LlmClient client, LlmSettings settings, Mode mode) {
        this(() -> client, settings, mode);
    }

    /** @param clientFactory builds the client, on the call thread, when the model is first asked */
    public LlmReasoner(java.util.function.Supplier<LlmClient> clientFactory, LlmSettings settings, Mode mode) {
        this.clientFactory = clientFactory;
        this.settings = settings;
        this.mode = mode;
        this.note = settings.provider().key();
        // build the client now, in the background, so the first question does not pay for it
        caller.execute(() -> {
            try {
                client();
            } catch (LlmFailure e) {
                // the first question reports it, as a fallback with its reason
            }
        });
    }

    @Override
    public String name() {
        return settings.provider().key();
    }

    @Override
    public String note() {
        return note;
    }

    @Override
    public ReasonerCall lastCall() {
        return last;
    }

    @Override
    public List<Hypothesis> hypothesize(ReasoningInput input) {
        List<Hypothesis> measured = heuristics.hypothesize(input);
        long now = input.snapshot().atMillis();
        if (!worthAsking(measured, input.anomalies().size())) {
            return skipped(measured, "nothing anomalous to interpret");
        }
        if (now < pausedUntilMillis) {
            return skipped(measured, String.format(Locale.ROOT, "paused after %d failures in a row, until t=%d s",
                    BREAKER_FAILURES, pausedUntilMillis / 1000));
        }
        return mode == Mode.WAIT ? waitFor(input, measured, now) : neverWait(input, measured, now);
    }

    private List<Hypothesis> waitFor(ReasoningInput input, List<Hypothesis> measured, long now) {
        LlmRequest request = HypothesisPrompt.build(input, measured, settings.deadlineMillis());
        CompletableFuture<LlmReply> reply = CompletableFuture.supplyAsync(() -> callWithRetries(request), caller);
        try {
            return answer(reply.get(settings.deadlineMillis() + 1_000, TimeUnit.MILLISECONDS), input, measured, now);
        } catch (TimeoutException e) {
            reply.cancel(true);
            return fallback(measured, new LlmFailure(LlmFailure.Kind.TIMEOUT, "no answer within "
                    + settings.deadlineMillis() + " ms"), 0, now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback(measured, new LlmFailure(LlmFailure.Kind.TIMEOUT, "interrupted"), 0, now);
        } catch (ExecutionException e) {
            return fallback(measured, failureOf(e), 0, now);
        }
    }

    private List<Hypothesis> neverWait(ReasoningInput input, List<Hypothesis> measured, long now) {
        List<Hypothesis> result = null;
        if (inFlight != null && inFlight.reply().isDone()) {
            Pending done = inFlight;
            inFlight = null;
            if (now - done.askedAtMillis() > FRESH_SECONDS * 1000L) {
                result = skipped(measured, "a late answer (asked at t=" + done.askedAtMillis() / 1000 + " s) was dropped");
            } else {
                try {
                    result = answer(done.reply().get(), input, measured, now);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    result = fallback(measured, new LlmFailure(LlmFailure.Kind.TIMEOUT, "interrupted"), 0, now);
                } catch (ExecutionException e) {
                    result = fallback(measured, failureOf(e), 0, now);
                }
            }
        }
        if (inFlight == null && now >= pausedUntilMillis) {
            LlmRequest request = HypothesisPrompt.build(input, measured, settings.deadlineMillis());
            inFlight = new Pending(now, CompletableFuture.supplyAsync(() -> callWithRetries(request), caller));
        }
        if (result == null) {
            last = new ReasonerCall(settings.provider().key(), settings.model(), ReasonerCall.PENDING,
                    "the answer will serve the next cycle", 0, 0, 0);
            note = "heuristic (" + settings.provider() + " answer pending)";
            return measured;
        }
        return result;
    }

    /** Caller thread. */
    private LlmClient client() throws LlmFailure {
        LlmClient c = client;
        if (c == null) {
            try {
                c = clientFactory.get();
            } catch (RuntimeException e) {
                throw new LlmFailure(LlmFailure.Kind.CLIENT_ERROR, "cannot set up the client: "
                        + settings.apiKey().redact(String.valueOf(e.getMessage())));
            }
            client = c;
        }
        return c;
    }

    /** Runs on the caller thread: the client, retried while the failure may pass and the deadline allows. */
    private LlmReply callWithRetries(LlmRequest request) {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(request.deadlineMillis());
        long backoff = FIRST_BACKOFF_MILLIS;
        for (int attempt = 0; ; attempt++) {
            try {
                LlmClient c = client(); // the first call builds it: that time counts against the deadline
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left < 50) {
                    throw new LlmFailure(LlmFailure.Kind.TIMEOUT, "no answer within " + request.deadlineMillis() + " ms");
                }
                LlmReply r = c.complete(new LlmRequest(request.system(), request.prompt(), request.responseSchema(), left));
                return new LlmReply(r.text(), r.promptTokens(), r.outputTokens(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            } catch (LlmFailure f) {
                long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (!f.kind().retryable() || attempt >= settings.maxRetries() || remaining < backoff + 100) {
                    throw new java.util.concurrent.CompletionException(f);
                }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.util.concurrent.CompletionException(f);
                }
                backoff *= 2;
            }
        }
    }

    private List<Hypothesis> answer(LlmReply reply, ReasoningInput input, List<Hypothesis> measured, long now) {
        List<LlmAnswer.Stated> stated;
        try {
            // redacted before parsing: messages about a bad answer quote (and shorten) its text
            stated = LlmAnswer.parse(settings.apiKey().redact(reply.text()), input.snapshot());
        } catch (LlmFailure f) {
            return fallback(measured, f, reply.latencyMillis(), now, reply);
        }
        failuresInARow = 0;
        // a model that echoes the key into its evidence must not carry it into frames, recordings and state files
        stated = stated.stream().map(h -> new LlmAnswer.Stated(h.diagnosis(), h.target(), h.confidence(),
                h.evidence().stream().map(e -> settings.apiKey().redact(e)).toList())).toList();
        List<Hypothesis> blended = ConfidenceBlend.blend(stated, measured, input.anomalies(), settings.provider().key());
        last = new ReasonerCall(settings.provider().key(), settings.model(), ReasonerCall.USED, null, reply.latencyMillis(),
                reply.promptTokens(), reply.outputTokens());
        note = String.format(Locale.ROOT, "%s %s: %d ms, %d + %d tokens", settings.provider(), settings.model(),
                reply.latencyMillis(), reply.promptTokens(), reply.outputTokens());
        return blended.isEmpty() ? measured : blended;
    }

    private List<Hypothesis> fallback(List<Hypothesis> measured, LlmFailure f, long latency, long now) {
        return fallback(measured, f, latency, now, null);
    }

    private List<Hypothesis> fallback(List<Hypothesis> measured, LlmFailure f, long latency, long now, LlmReply reply) {
        failuresInARow++;
        String reason = f.kind().key() + ": " + settings.apiKey().redact(f.getMessage());
        if (failuresInARow >= BREAKER_FAILURES) {
            pausedUntilMillis = now + BREAKER_SECONDS * 1000L;
            failuresInARow = 0;
            reason += String.format(Locale.ROOT, "; paused for %d s after %d failures in a row", BREAKER_SECONDS,
                    BREAKER_FAILURES);
        }
        last = new ReasonerCall(settings.provider().key(), settings.model(), ReasonerCall.FALLBACK, reason, latency,
                reply == null ? 0 : reply.promptTokens(), reply == null ? 0 : reply.outputTokens());
        note = "heuristics answered (" + settings.provider() + " " + reason + ")";
        return measured;
    }

    private List<Hypothesis> skipped(List<Hypothesis> measured, String why) {
        last = new ReasonerCall(settings.provider().key(), settings.model(), ReasonerCall.SKIPPED, why, 0, 0, 0);
        note = "heuristic (" + settings.provider() + " not asked: " + why + ")";
        return measured;
    }

    private LlmFailure failureOf(ExecutionException e) {
        Throwable c = e.getCause();
        while (c instanceof java.util.concurrent.CompletionException && c.getCause() != null) {
            c = c.getCause();
        }
        if (c instanceof LlmFailure f) {
            return f;
        }
        return new LlmFailure(LlmFailure.Kind.NETWORK, settings.apiKey().redact(String.valueOf(c)));
    }

    /** Quiet traffic (no anomaly, and the heuristics see no incident) is not worth a model's time or tokens. */
    static boolean worthAsking(List<Hypothesis> measured, int anomalies) {
        return anomalies > 0 || measured.get(0).diagnosis().isIncident();
    }
}
