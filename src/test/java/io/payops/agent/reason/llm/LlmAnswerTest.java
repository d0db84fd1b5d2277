package io.payops.agent.reason.llm;

import io.payops.common.Json;
import io.payops.domain.Diagnosis;
import io.payops.domain.SegmentStats;
import io.payops.domain.Snapshot;
import io.payops.domain.Target;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link LlmAnswer}'s handling of the text a model writes: what it keeps displays as it reads. Issue 17: evidence
 * kept U+202E (RIGHT-TO-LEFT OVERRIDE), so a model could make the console show words in another order than stored.
 */
class LlmAnswerTest {
    static final Snapshot SNAPSHOT = snapshot();

    /** Every character that may make text display otherwise than it reads, or hide some of it. */
    static final String INVISIBLE = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C"
            + "\u200B\u200D\u2060\uFEFF\u00AD" + new String(Character.toChars(0xE0041)) + new String(Character.toChars(0xE007F));
    /** Control characters and line breaks: each shown as a space. */
    static final String BREAKS = "\n\r\t\u0000\u0007\u001B\u007F\u0085\u009B\u2028\u2029";

    private static Snapshot snapshot() {
        SegmentStats total = stats(Target.ALL);
        SegmentStats stripe = stats(Target.gateway("stripe"));
        return new Snapshot(60_000, 60, 900, total, List.of(stripe), total, List.of(stripe));
    }

    private static SegmentStats stats(Target t) {
        return new SegmentStats(t, 1000, 1000, 900, 0.9, 300, 800, 1200, 1.0, 1000 / 60.0, Map.of());
    }

    private static String answer(String diagnosis, String... evidence) throws Exception {
        return "{\"hypotheses\": [{\"diagnosis\": " + Json.mapper().writeValueAsString(diagnosis)
                + ", \"target\": {\"gateway\": \"stripe\"}, \"confidence\": 0.8, \"evidence\": "
                + Json.mapper().writeValueAsString(List.of(evidence)) + "}]}";
    }

    /** Whether {@code s} holds a character that is not shown as itself: control, format, separator, surrogate. */
    static boolean hasHiddenCharacters(String s) {
        return HIDDEN.matcher(s).find();
    }

    static final java.util.regex.Pattern HIDDEN = java.util.regex.Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Cs}\\p{Zl}\\p{Zp}]");

    @Test
    void bidirectionalAndOtherInvisibleCharactersAreRemovedFromEvidence() throws Exception {
        // "stripe is fine" stored, "stripe is " + reversed "enif" shown, if U+202E survived
        String evidence = "stripe is \u202Eenif\u202C" + INVISIBLE + " since t=60 s";

        List<LlmAnswer.Stated> stated = LlmAnswer.parse(answer("gateway_outage", evidence), SNAPSHOT);

        assertEquals(List.of("stripe is enif since t=60 s"), stated.get(0).evidence());
    }

    @Test
    void controlCharactersAndLineBreaksBecomeSpacesSoEvidenceIsOneLine() throws Exception {
        List<LlmAnswer.Stated> stated = LlmAnswer.parse(answer("gateway_outage", "a" + BREAKS + "b"), SNAPSHOT);

        String shown = stated.get(0).evidence().get(0);
        assertEquals("a" + " ".repeat(BREAKS.length()) + "b", shown);
        assertFalse(hasHiddenCharacters(shown), shown);
    }

    @Test
    void evidenceWithNothingVisibleLeftIsDropped() throws Exception {
        List<LlmAnswer.Stated> stated = LlmAnswer.parse(answer("gateway_outage", INVISIBLE, " \n\t ", "", "kept"),
                SNAPSHOT);

        assertEquals(List.of("kept"), stated.get(0).evidence());
    }

    @Test
    void anUnpairedSurrogateIsRemovedAndAPairIsKept() throws Exception {
        String text = "{\"hypotheses\": [{\"diagnosis\": \"gateway_outage\", \"target\": {}, \"confidence\": 0.5, "
                + "\"evidence\": [\"lone \\ud800 and pair \\ud83d\\udcb3\"]}]}";

        List<LlmAnswer.Stated> stated = LlmAnswer.parse(text, SNAPSHOT);

        assertEquals(List.of("lone  and pair \uD83D\uDCB3"), stated.get(0).evidence());
    }

    @Test
    void printableTextOfAnyScriptIsKeptAsItIs() throws Exception {
        String evidence = "HDFC के declines बढ़े; שגיאות ב-stripe; 3DS 失败率 12 % — ok";

        assertEquals(List.of(evidence), LlmAnswer.parse(answer("gateway_outage", evidence), SNAPSHOT).get(0).evidence());
    }

    /** A rejected answer is quoted in the message the reasoning pane shows: the quote is cleaned the same way. */
    @Test
    void aQuotedPartOfARejectedAnswerIsCleanedToo() throws Exception {
        LlmFailure f = assertThrows(LlmFailure.class,
                () -> LlmAnswer.parse(answer("gateway\u202E_outage\n" + INVISIBLE, "x"), SNAPSHOT));

        assertEquals(LlmFailure.Kind.BAD_ANSWER, f.kind());
        assertTrue(f.getMessage().contains("'gateway_outage' is not a diagnosis"), f.getMessage());
        assertFalse(hasHiddenCharacters(f.getMessage()), f.getMessage());

        LlmFailure key = assertThrows(LlmFailure.class, () -> LlmAnswer.parse("{\"hypotheses\": [{\"diag\u202Enosis\": 1}]}",
                SNAPSHOT));
        assertTrue(key.getMessage().startsWith("hypotheses[0].diagnosis: unexpected field"), key.getMessage());
    }

    @Test
    void aDiagnosisWithAHiddenCharacterIsNotTheDiagnosis() throws Exception {
        // cleaning is for what is shown: it never turns a wrong value into an accepted one
        String hidden = answer("gateway_\u200Boutage", "x");

        assertThrows(LlmFailure.class, () -> LlmAnswer.parse(hidden, SNAPSHOT));
        assertEquals(Diagnosis.GATEWAY_OUTAGE, LlmAnswer.parse(hidden.replace("\u200B", ""), SNAPSHOT).get(0).diagnosis());
    }

    @Test
    void quotesAreCutToSixtyCharactersWithoutSplittingAPair() {
        String longName = "x".repeat(58) + "\uD83D\uDCB3" + "tail";

        LlmFailure f = assertThrows(LlmFailure.class, () -> LlmAnswer.parse(answer(longName, "x"), SNAPSHOT));

        assertTrue(f.getMessage().contains("'" + "x".repeat(58) + "…'"), f.getMessage());
        assertFalse(hasHiddenCharacters(f.getMessage()), f.getMessage());
    }
}
