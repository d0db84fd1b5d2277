package io.payops.agent.reason.llm;

/**
 * A chat model behind an HTTP API. {@link #complete} blocks for at most the request's deadline and is only ever
 * called off the engine and FX threads; every failure is an {@link LlmFailure} saying why.
 */
public interface LlmClient extends AutoCloseable {
    LlmReply complete(LlmRequest request) throws LlmFailure;

    @Override
    default void close() {
    }
}
