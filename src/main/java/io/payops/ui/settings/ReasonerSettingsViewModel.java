package io.payops.ui.settings;

import io.payops.agent.reason.llm.LlmProvider;
import io.payops.agent.reason.llm.LlmSettings;
import io.payops.agent.reason.llm.Secret;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The reasoner settings dialog's state: heuristics or an LLM (gemini, or any OpenAI-compatible endpoint), its model,
 * base URL, key, deadline and retries. Every field is checked by {@link LlmSettings}' own constructor, so the
 * messages under the fields are the ones the command line gives. The key is held as a {@link Secret}: no property
 * of this class ever holds its text; the view forwards what is typed with {@link #setApiKey}. FX thread only.
 */
public final class ReasonerSettingsViewModel {
    public static final String HEURISTIC = "heuristic";
    public static final List<String> CHOICES = Stream.concat(Stream.of(HEURISTIC),
            Arrays.stream(LlmProvider.values()).map(LlmProvider::key)).toList();

    private final Map<String, String> env;
    private final LlmSettings current;
    private final Consumer<LlmSettings> apply;

    private final ObjectProperty<String> reasoner = new SimpleObjectProperty<>(this, "reasoner", HEURISTIC);
    private final StringProperty model = new SimpleStringProperty(this, "model", "");
    private final StringProperty baseUrl = new SimpleStringProperty(this, "baseUrl", "");
    private final StringProperty deadline = new SimpleStringProperty(this, "deadline", "");
    private final StringProperty retries = new SimpleStringProperty(this, "retries", "");
    /** What was typed into the key field for the chosen provider; NONE when nothing. */
    private Secret typedKey = Secret.NONE;
    private final ReadOnlyBooleanWrapper keyTyped = new ReadOnlyBooleanWrapper(this, "keyTyped", false);

    private final ReadOnlyBooleanWrapper llm = new ReadOnlyBooleanWrapper(this, "llm", false);
    private final ReadOnlyStringWrapper keyHint = new ReadOnlyStringWrapper(this, "keyHint", "");
    private final ReadOnlyStringWrapper keyPrompt = new ReadOnlyStringWrapper(this, "keyPrompt", "");
    private final ReadOnlyStringWrapper baseUrlHint = new ReadOnlyStringWrapper(this, "baseUrlHint", "");
    private final ReadOnlyStringWrapper modelError = new ReadOnlyStringWrapper(this, "modelError", "");
    private final ReadOnlyStringWrapper baseUrlError = new ReadOnlyStringWrapper(this, "baseUrlError", "");
    private final ReadOnlyStringWrapper deadlineError = new ReadOnlyStringWrapper(this, "deadlineError", "");
    private final ReadOnlyStringWrapper retriesError = new ReadOnlyStringWrapper(this, "retriesError", "");
    private final ReadOnlyStringWrapper applyError = new ReadOnlyStringWrapper(this, "applyError", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);

    /**
     * @param env     the environment the keys may come from (System.getenv() in the console, a map in tests)
     * @param current the settings in use, or null for the heuristics: the dialog opens on them
     * @param apply   what OK does: the console's {@code setReasoner} (null for the heuristics)
     */
    public ReasonerSettingsViewModel(Map<String, String> env, LlmSettings current, Consumer<LlmSettings> apply) {
        this.env = Map.copyOf(env);
        this.current = current;
        this.apply = Objects.requireNonNull(apply);
        fillFor(current == null ? HEURISTIC : current.provider().key());
        reasoner.set(current == null ? HEURISTIC : current.provider().key());
        reasoner.addListener((o, was, now) -> {
            if (now == null || !CHOICES.contains(now)) {
                reasoner.set(was == null ? HEURISTIC : was);
                return;
            }
            fillFor(now);
            validate();
        });
        model.addListener((o, a, b) -> validate());
        baseUrl.addListener((o, a, b) -> validate());
        deadline.addListener((o, a, b) -> validate());
        retries.addListener((o, a, b) -> validate());
        validate();
    }

    /** Prefills the fields for a provider: the settings in use when they are that provider's, else its defaults. */
    private void fillFor(String choice) {
        llm.set(!HEURISTIC.equals(choice));
        typedKey = Secret.NONE;
        keyTyped.set(false);
        LlmProvider provider = HEURISTIC.equals(choice) ? LlmProvider.GEMINI : LlmProvider.of(choice);
        LlmSettings base = current != null && current.provider() == provider ? current
                : LlmSettings.defaults(provider, env);
        model.set(base.model());
        baseUrl.set(base.baseUrl());
        deadline.set(Long.toString(base.deadlineMillis()));
        retries.set(Integer.toString(base.maxRetries()));
    }

    /** What was typed into the key field (the view forwards each change); blank means "the key I have already". */
    public void setApiKey(String text) {
        typedKey = Secret.of(text);
        keyTyped.set(typedKey.isPresent());
        applyError.set("");
        validate();
    }

    private void validate() {
        applyError.set("");
        if (!llm.get()) {
            modelError.set("");
            baseUrlError.set("");
            deadlineError.set("");
            retriesError.set("");
            keyHint.set("");
            keyPrompt.set("");
            baseUrlHint.set("");
            summary.set("Hypotheses from the built-in heuristics: no network, no key.");
            valid.set(true);
            return;
        }
        LlmProvider provider = LlmProvider.of(reasoner.get());
        // each field is checked alone (the others at their defaults), so every wrong field gets its own message
        modelError.set(check(() -> new LlmSettings(provider, model.get(), "", null, 4000, 1)));
        baseUrlError.set(check(() -> new LlmSettings(provider, provider.defaultModel(), baseUrl.get(),
                null, 4000, 1)));
        deadlineError.set(check(() -> new LlmSettings(provider, provider.defaultModel(), "", null,
                parseWhole("deadline", deadline.get(), "100 to 120000 ms"), 1)));
        retriesError.set(check(() -> new LlmSettings(provider, provider.defaultModel(), "", null, 4000,
                (int) parseWhole("retries", retries.get(), "0 to 5"))));
        boolean ok = modelError.get().isEmpty() && baseUrlError.get().isEmpty() && deadlineError.get().isEmpty()
                && retriesError.get().isEmpty();
        valid.set(ok);
        keyHint.set(keyHintFor(provider));
        keyPrompt.set(keyPromptFor(provider));
        baseUrlHint.set("empty: " + provider.defaultBaseUrl());
        summary.set(ok ? "Hypotheses from " + provider + " " + model.get().trim()
                + "; the heuristics answer when it fails or is late. Decisions stay with the policy engine."
                : "Fix the fields marked below.");
    }

    private String keyHintFor(LlmProvider provider) {
        if (typedKey.isPresent()) {
            return "key typed here (kept in memory only)";
        }
        String variable = envVariable(provider);
        Secret fromEnv = LlmSettings.defaults(provider, env).apiKey();
        if (current != null && current.provider() == provider && current.apiKey().isPresent()
                && !current.apiKey().reveal().equals(fromEnv.reveal())) {
            return "key entered earlier (kept in memory only)";
        }
        if (variable != null) {
            return "key from " + variable + " (type one here to use another; kept in memory only)";
        }
        return provider == LlmProvider.OPENAI
                ? "no key: set " + provider.keyVariablesText() + " or type one here (a local server may need none)"
                : "no key: set " + provider.keyVariablesText() + ", or type one here";
    }

    /** Short, for inside the empty key field: where the key comes from, never the key. */
    private String keyPromptFor(LlmProvider provider) {
        String variable = envVariable(provider);
        Secret fromEnv = LlmSettings.defaults(provider, env).apiKey();
        if (current != null && current.provider() == provider && current.apiKey().isPresent()
                && !current.apiKey().reveal().equals(fromEnv.reveal())) {
            return "key entered earlier";
        }
        return variable != null ? "key from " + variable : "no key: paste one";
    }

    /** The environment variable the provider's key comes from, or null when none is set. */
    private String envVariable(LlmProvider provider) {
        for (String name : provider.keyVariables()) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                return name;
            }
        }
        return null;
    }

    private static long parseWhole(String what, String text, String expected) {
        String t = text == null ? "" : text.trim();
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + t + "' is not a whole number (expected " + expected + ")");
        }
    }

    private static String check(Runnable build) {
        try {
            build.run();
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /**
     * The settings the fields describe, or null for the heuristics.
     * @throws IllegalArgumentException when a field is invalid (OK is disabled then)
     */
    public LlmSettings settings() {
        if (!llm.get()) {
            return null;
        }
        LlmProvider provider = LlmProvider.of(reasoner.get());
        return new LlmSettings(provider, model.get().trim(), baseUrl.get(), key(provider),
                parseWhole("deadline", deadline.get(), "100 to 120000 ms"),
                (int) parseWhole("retries", retries.get(), "0 to 5"));
    }

    /** Typed here, else the one in use for this provider, else the environment's. */
    private Secret key(LlmProvider provider) {
        if (typedKey.isPresent()) {
            return typedKey;
        }
        if (current != null && current.provider() == provider && current.apiKey().isPresent()) {
            return current.apiKey();
        }
        return LlmSettings.defaults(provider, env).apiKey();
    }

    /**
     * OK: hands the settings to the console (null for the heuristics).
     * @return false, with {@link #applyErrorProperty()} saying why, when the fields are invalid or the console
     *         could not switch; the dialog then stays open
     */
    public boolean apply() {
        if (!valid.get()) {
            return false;
        }
        LlmSettings s;
        try {
            s = settings();
        } catch (IllegalArgumentException e) {
            applyError.set(e.getMessage());
            return false;
        }
        try {
            apply.accept(s);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            applyError.set("Could not switch the reasoner: " + (s == null ? message : s.apiKey().redact(message)));
            return false;
        }
        return true;
    }

    /** "heuristic", "gemini" or "openai"; the view binds its choice box to it both ways. */
    public ObjectProperty<String> reasonerProperty() {
        return reasoner;
    }

    public List<String> choices() {
        return CHOICES;
    }

    public StringProperty modelProperty() {
        return model;
    }

    /** Empty: the provider's own endpoint. */
    public StringProperty baseUrlProperty() {
        return baseUrl;
    }

    /** The per-call deadline in milliseconds, as typed. */
    public StringProperty deadlineProperty() {
        return deadline;
    }

    /** Retries per call, as typed. */
    public StringProperty retriesProperty() {
        return retries;
    }

    /** True when an LLM is chosen: the LLM fields are enabled. */
    public ReadOnlyBooleanProperty llmProperty() {
        return llm.getReadOnlyProperty();
    }

    /**
     * False after a provider switch clears the typed key: the view empties the key field then. True while a key typed
     * here will be used.
     */
    public ReadOnlyBooleanProperty keyTypedProperty() {
        return keyTyped.getReadOnlyProperty();
    }

    /** Where the key comes from ("key from GEMINI_API_KEY …"), never the key. Shown under the key field. */
    public ReadOnlyStringProperty keyHintProperty() {
        return keyHint.getReadOnlyProperty();
    }

    /** The key field's prompt while it is empty: "key from GEMINI_API_KEY", "key entered earlier", "no key: paste one". */
    public ReadOnlyStringProperty keyPromptProperty() {
        return keyPrompt.getReadOnlyProperty();
    }

    /** The base URL field's prompt: the provider's own endpoint. */
    public ReadOnlyStringProperty baseUrlHintProperty() {
        return baseUrlHint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty modelErrorProperty() {
        return modelError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty baseUrlErrorProperty() {
        return baseUrlError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty deadlineErrorProperty() {
        return deadlineError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty retriesErrorProperty() {
        return retriesError.getReadOnlyProperty();
    }

    /** Why OK did not take effect (the console refused the settings), or empty. */
    public ReadOnlyStringProperty applyErrorProperty() {
        return applyError.getReadOnlyProperty();
    }

    /** One sentence on what the choice means. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** False while any field is invalid: OK is disabled. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }
}
