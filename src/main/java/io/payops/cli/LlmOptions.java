package io.payops.cli;

import io.payops.agent.reason.HeuristicReasoner;
import io.payops.agent.reason.llm.LlmProvider;
import io.payops.agent.reason.llm.LlmSettings;
import io.payops.common.BadInputException;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code --reasoner heuristic|gemini|openai} and how to reach the model. The key is never an option (it would show
 * in the process list and shell history): it comes from the environment variables the provider names
 * ({@link LlmProvider#keyVariables}).
 */
public final class LlmOptions {
    public static final List<String> REASONERS = Stream.concat(Stream.of(HeuristicReasoner.NAME),
            Arrays.stream(LlmProvider.values()).map(LlmProvider::key)).toList();

    @Option(names = "--reasoner", defaultValue = HeuristicReasoner.NAME, paramLabel = "NAME",
            description = "Where hypotheses come from: heuristic, gemini or openai (any OpenAI-compatible endpoint). "
                    + "The key comes from GEMINI_API_KEY / GOOGLE_API_KEY or OPENAI_API_KEY. Default: ${DEFAULT-VALUE}.")
    String reasoner;

    @Option(names = "--llm-model", paramLabel = "NAME",
            description = "Model name (default: gemini-2.5-flash, or gpt-4o-mini for openai).")
    String model;

    @Option(names = "--llm-base-url", paramLabel = "URL",
            description = "Base URL of the API, for a proxy or a local model server (default: the provider's).")
    String baseUrl;

    @Option(names = "--llm-deadline-ms", paramLabel = "MS",
            description = "Deadline of one model call, retries included, 100..120000 ms (default 4000).")
    Long deadlineMillis;

    @Option(names = "--llm-retries", paramLabel = "N", description = "Retries of a failed call, 0..5 (default 1).")
    Integer retries;

    public String reasoner() {
        return reasoner;
    }

    /**
     * @return the settings, or null for the heuristics
     * @throws BadInputException naming the option and what was expected
     */
    public LlmSettings settings(Map<String, String> env) {
        if (!REASONERS.contains(reasoner)) {
            throw new BadInputException("--reasoner: unknown reasoner '" + reasoner + "' (expected one of "
                    + String.join(", ", REASONERS) + ")");
        }
        if (HeuristicReasoner.NAME.equals(reasoner)) {
            return null;
        }
        LlmProvider provider = LlmProvider.of(reasoner);
        LlmSettings d = LlmSettings.defaults(provider, env);
        LlmSettings s;
        try {
            s = new LlmSettings(provider, model == null ? d.model() : model, baseUrl == null ? d.baseUrl() : baseUrl,
                    d.apiKey(), deadlineMillis == null ? d.deadlineMillis() : deadlineMillis,
                    retries == null ? d.maxRetries() : retries);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--llm-*: " + e.getMessage());
        }
        if (!s.apiKey().isPresent() && !provider.keyOptionalAt(s.baseUrl())) {
            throw new BadInputException("--reasoner " + reasoner + ": no API key (expected " + provider.keyVariablesText()
                    + " in the environment" + (provider == LlmProvider.OPENAI ? ", or --llm-base-url for a local server "
                    + "that needs none" : "") + ")");
        }
        return s;
    }
}
