package io.payops.ui.settings;

import io.payops.agent.reason.llm.LlmProvider;
import io.payops.agent.reason.llm.LlmSettings;
import io.payops.agent.reason.llm.Secret;
import javafx.beans.value.ObservableValue;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reasoner settings without a stage: the environment is a map, OK's effect is a list of applied settings. */
class ReasonerSettingsViewModelTest {
    private static final String ENV_KEY = "AIza-env-secret-0123456789";
    private static final String TYPED_KEY = "sk-typed-secret-9876543210";

    private final List<LlmSettings> applied = new ArrayList<>();
    private int applyCalls;

    private ReasonerSettingsViewModel vm(Map<String, String> env, LlmSettings current) {
        return new ReasonerSettingsViewModel(env, current, s -> {
            applyCalls++;
            applied.add(s);
        });
    }

    @Test
    void opensOnTheHeuristicsWithNothingToFixAndOkGivesNull() {
        ReasonerSettingsViewModel vm = vm(Map.of(), null);
        assertEquals("heuristic", vm.reasonerProperty().get());
        assertFalse(vm.llmProperty().get(), "the LLM fields are disabled");
        assertTrue(vm.validProperty().get());
        assertNull(vm.settings());

        assertTrue(vm.apply());
        assertEquals(1, applyCalls);
        assertNull(applied.get(0), "heuristic → setReasoner(null)");
    }

    @Test
    void eachProviderPrefillsItsDefaults() {
        ReasonerSettingsViewModel vm = vm(Map.of(), null);
        vm.reasonerProperty().set("gemini");
        assertTrue(vm.llmProperty().get());
        assertEquals(LlmProvider.GEMINI.defaultModel(), vm.modelProperty().get());
        assertEquals("", vm.baseUrlProperty().get());
        assertEquals("4000", vm.deadlineProperty().get());
        assertEquals("1", vm.retriesProperty().get());
        assertEquals("empty: https://generativelanguage.googleapis.com", vm.baseUrlHintProperty().get());
        assertTrue(vm.validProperty().get());

        vm.reasonerProperty().set("openai");
        assertEquals(LlmProvider.OPENAI.defaultModel(), vm.modelProperty().get());
        assertEquals("empty: https://api.openai.com/v1", vm.baseUrlHintProperty().get());
        LlmSettings s = vm.settings();
        assertEquals(LlmProvider.OPENAI, s.provider());
        assertEquals(LlmProvider.OPENAI.defaultModel(), s.model());
        assertEquals(4000, s.deadlineMillis());
        assertEquals(1, s.maxRetries());
        assertFalse(s.apiKey().isPresent());
    }

    @Test
    void reopeningShowsTheSettingsInUse() {
        LlmSettings inUse = new LlmSettings(LlmProvider.OPENAI, "llama3.1:8b", "http://127.0.0.1:11434/v1", Secret.NONE, 9000, 3);
        ReasonerSettingsViewModel vm = vm(Map.of(), inUse);
        assertEquals("openai", vm.reasonerProperty().get());
        assertEquals("llama3.1:8b", vm.modelProperty().get());
        assertEquals("http://127.0.0.1:11434/v1", vm.baseUrlProperty().get());
        assertEquals("9000", vm.deadlineProperty().get());
        assertEquals("3", vm.retriesProperty().get());
        assertEquals(inUse, vm.settings());
    }

    @Test
    void theKeyHintNamesTheEnvironmentVariableAndTheKeyIsTakenFromIt() {
        ReasonerSettingsViewModel vm = vm(Map.of("GOOGLE_API_KEY", ENV_KEY), null);
        vm.reasonerProperty().set("gemini");
        assertTrue(vm.keyHintProperty().get().startsWith("key from GOOGLE_API_KEY ("), vm.keyHintProperty().get());
        assertEquals("key from GOOGLE_API_KEY", vm.keyPromptProperty().get());
        assertEquals(ENV_KEY, vm.settings().apiKey().reveal());

        ReasonerSettingsViewModel both = vm(Map.of("GOOGLE_API_KEY", "other", "GEMINI_API_KEY", ENV_KEY), null);
        both.reasonerProperty().set("gemini");
        assertEquals("key from GEMINI_API_KEY", both.keyPromptProperty().get(), "GEMINI_API_KEY comes first");

        vm.reasonerProperty().set("openai");
        assertTrue(vm.keyHintProperty().get().startsWith("no key: set OPENAI_API_KEY"), vm.keyHintProperty().get());
        assertTrue(vm.validProperty().get(), "no key is allowed: a local server may need none");
    }

    @Test
    void aTypedKeyWinsAndIsClearedByAProviderSwitch() {
        ReasonerSettingsViewModel vm = vm(Map.of("GEMINI_API_KEY", ENV_KEY), null);
        vm.reasonerProperty().set("gemini");
        vm.setApiKey(TYPED_KEY);
        assertTrue(vm.keyTypedProperty().get());
        assertEquals("key typed here (kept in memory only)", vm.keyHintProperty().get());
        assertEquals(TYPED_KEY, vm.settings().apiKey().reveal());

        vm.reasonerProperty().set("openai");
        assertFalse(vm.keyTypedProperty().get(), "a gemini key is not sent to another provider");
        assertFalse(vm.settings().apiKey().isPresent());
    }

    @Test
    void aKeyTypedEarlierIsKeptWhenTheDialogOpensAgain() {
        LlmSettings inUse = new LlmSettings(LlmProvider.GEMINI, "gemini-2.5-pro", "", Secret.of(TYPED_KEY), 4000, 1);
        ReasonerSettingsViewModel vm = vm(Map.of("GEMINI_API_KEY", ENV_KEY), inUse);
        assertEquals("key entered earlier (kept in memory only)", vm.keyHintProperty().get());
        assertEquals("key entered earlier", vm.keyPromptProperty().get());
        assertTrue(vm.apply());
        assertEquals(TYPED_KEY, applied.get(0).apiKey().reveal());
        assertEquals("gemini-2.5-pro", applied.get(0).model());
    }

    @Test
    void aBadBaseUrlShowsLlmSettingsMessageAndDisablesOk() {
        ReasonerSettingsViewModel vm = vm(Map.of(), null);
        vm.reasonerProperty().set("openai");
        vm.baseUrlProperty().set("localhost:8080");
        assertFalse(vm.validProperty().get());
        assertEquals("base URL 'localhost:8080' is not an http(s) URL (expected e.g. http://127.0.0.1:8080/v1)",
                vm.baseUrlErrorProperty().get());
        assertEquals("", vm.modelErrorProperty().get());
        assertFalse(vm.apply());
        assertEquals(0, applyCalls, "OK does nothing while a field is invalid");

        vm.baseUrlProperty().set("http://127.0.0.1:8080/v1");
        assertTrue(vm.validProperty().get());
        assertEquals("", vm.baseUrlErrorProperty().get());
        assertTrue(vm.apply());
        assertEquals("http://127.0.0.1:8080/v1", applied.get(0).baseUrl());
    }

    @Test
    void deadlineRetriesAndModelEachGetTheirOwnMessage() {
        ReasonerSettingsViewModel vm = vm(Map.of(), null);
        vm.reasonerProperty().set("gemini");
        vm.deadlineProperty().set("50");
        vm.retriesProperty().set("many");
        vm.modelProperty().set(" ");
        assertEquals("deadline 50 ms is out of range (expected 100 to 120000 ms)", vm.deadlineErrorProperty().get());
        assertEquals("retries 'many' is not a whole number (expected 0 to 5)", vm.retriesErrorProperty().get());
        assertEquals("model name is missing (expected e.g. gemini-2.5-flash)", vm.modelErrorProperty().get());
        assertFalse(vm.validProperty().get());

        vm.deadlineProperty().set("abc");
        assertEquals("deadline 'abc' is not a whole number (expected 100 to 120000 ms)", vm.deadlineErrorProperty().get());
        vm.retriesProperty().set("9");
        assertEquals("retries 9 is out of range (expected 0 to 5)", vm.retriesErrorProperty().get());

        // back to the heuristics: nothing to fix
        vm.reasonerProperty().set("heuristic");
        assertTrue(vm.validProperty().get());
        assertEquals("", vm.deadlineErrorProperty().get());
    }

    @Test
    void whenTheConsoleRefusesTheDialogSaysWhyWithoutTheKey() {
        ReasonerSettingsViewModel vm = new ReasonerSettingsViewModel(Map.of(), null, s -> {
            throw new IllegalStateException("cannot reach the model with key " + s.apiKey().reveal());
        });
        vm.reasonerProperty().set("openai");
        vm.setApiKey(TYPED_KEY);
        assertFalse(vm.apply());
        assertEquals("Could not switch the reasoner: cannot reach the model with key ***", vm.applyErrorProperty().get());
    }

    @Test
    void theKeyNeverAppearsInAnyPropertyText() throws Exception {
        LlmSettings inUse = new LlmSettings(LlmProvider.GEMINI, "gemini-2.5-flash", "", Secret.of(TYPED_KEY), 4000, 1);
        ReasonerSettingsViewModel vm = new ReasonerSettingsViewModel(Map.of("GEMINI_API_KEY", ENV_KEY,
                "OPENAI_API_KEY", ENV_KEY), inUse, s -> applied.add(s));
        List<String> seen = new ArrayList<>();
        for (String choice : ReasonerSettingsViewModel.CHOICES) {
            vm.reasonerProperty().set(choice);
            vm.setApiKey(TYPED_KEY);
            vm.baseUrlProperty().set("not a url " + choice);
            seen.addAll(texts(vm));
            vm.baseUrlProperty().set("");
            vm.apply();
            seen.addAll(texts(vm));
        }
        assertFalse(applied.isEmpty());
        assertTrue(seen.size() > 30, "every property was read: " + seen.size());
        for (String text : seen) {
            assertFalse(text.contains(TYPED_KEY), text);
            assertFalse(text.contains(ENV_KEY), text);
        }
        assertNotNull(applied.get(applied.size() - 1));
        assertFalse(applied.get(applied.size() - 1).toString().contains(TYPED_KEY));
    }

    /** The text of every property the ViewModel exposes (found by reflection, so a new one is covered too). */
    private static List<String> texts(ReasonerSettingsViewModel vm) throws Exception {
        List<String> out = new ArrayList<>();
        for (Method m : ReasonerSettingsViewModel.class.getMethods()) {
            if (m.getParameterCount() == 0 && ObservableValue.class.isAssignableFrom(m.getReturnType())) {
                Object value = ((ObservableValue<?>) m.invoke(vm)).getValue();
                out.add(m.getName() + "=" + value);
            }
        }
        return out;
    }
}
