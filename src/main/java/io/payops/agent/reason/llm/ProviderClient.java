package io.payops.agent.reason.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.payops.common.Json;

/**
 * What both clients share: the settings of their own provider, the key, the provider's name for messages, and the
 * request's response schema read as a JSON object (the same text goes to every provider).
 */
abstract class ProviderClient implements LlmClient {
    final LlmSettings settings;
    final Secret key;
    /** "gemini" or "openai": how failures name the provider. */
    final String provider;

    /** @throws IllegalArgumentException when the settings are for another provider */
    ProviderClient(LlmSettings settings, LlmProvider expected) {
        if (settings.provider() != expected) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " needs provider " + expected + ", not "
                    + settings.provider());
        }
        this.settings = settings;
        this.key = settings.apiKey();
        this.provider = expected.key();
    }

    /** The request's response schema as a JSON object; a CLIENT_ERROR when it is not one. */
    final JsonNode schema(LlmRequest request) throws LlmFailure {
        JsonNode schema;
        try {
            schema = Json.mapper().readTree(request.responseSchema());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new LlmFailure(LlmFailure.Kind.CLIENT_ERROR, provider + ": the response schema is not JSON");
        }
        if (schema == null || !schema.isObject()) {
            throw new LlmFailure(LlmFailure.Kind.CLIENT_ERROR, provider + ": the response schema is not a JSON object");
        }
        return schema;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + settings + "]";
    }
}
