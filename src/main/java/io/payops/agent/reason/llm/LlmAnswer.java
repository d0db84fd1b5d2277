package io.payops.agent.reason.llm;

import com.fasterxml.jackson.databind.JsonNode;
import io.payops.common.Json;
import io.payops.domain.Diagnosis;
import io.payops.domain.Dimension;
import io.payops.domain.Snapshot;
import io.payops.domain.Target;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A model's answer, checked field by field before anything of it is used: JSON of exactly the schema's shape, 1–5
 * hypotheses, a diagnosis from our enum, a target whose every value names a segment that exists in the snapshot,
 * a confidence in [0, 1], at most 5 evidence strings of bounded length. The first thing wrong rejects the whole
 * answer, with a message naming the field (the reasoning pane shows it). Every string of the model's that is kept or
 * quoted is made one line that displays as it reads ({@link ModelText}: no bidirectional or other invisible controls).
 */
public final class LlmAnswer {
    static final int MAX_HYPOTHESES = 5;
    static final int MAX_EVIDENCE = 5;
    static final int MAX_EVIDENCE_CHARS = 500;
    private static final Set<String> HYPOTHESIS_KEYS = Set.of("diagnosis", "target", "confidence", "evidence");

    /** One hypothesis as the model stated it; its confidence is the model's own, not yet blended. */
    public record Stated(Diagnosis diagnosis, Target target, double confidence, List<String> evidence) {
    }

    private LlmAnswer() {
    }

    /** @throws LlmFailure of kind BAD_ANSWER saying what was wrong */
    public static List<Stated> parse(String text, Snapshot snapshot) throws LlmFailure {
        JsonNode root;
        try {
            root = Json.mapper().readTree(stripFence(text));
        } catch (IOException e) {
            throw bad("the answer is not JSON (" + firstLine(e.getMessage()) + ")");
        }
        if (root == null || !root.isObject()) {
            throw bad("the answer is not a JSON object");
        }
        onlyKeys(root, "", Set.of("hypotheses"));
        JsonNode list = root.get("hypotheses");
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > MAX_HYPOTHESES) {
            throw bad("hypotheses: expected an array of 1 to " + MAX_HYPOTHESES + " objects");
        }
        List<Stated> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(hypothesis(list.get(i), "hypotheses[" + i + "]", snapshot));
        }
        return out;
    }

    private static Stated hypothesis(JsonNode n, String at, Snapshot snapshot) throws LlmFailure {
        if (!n.isObject()) {
            throw bad(at + ": expected an object");
        }
        onlyKeys(n, at + ".", HYPOTHESIS_KEYS);
        JsonNode d = n.get("diagnosis");
        if (d == null || !d.isTextual()) {
            throw bad(at + ".diagnosis: missing (expected one of " + diagnoses() + ")");
        }
        Diagnosis diagnosis = null;
        for (Diagnosis x : Diagnosis.values()) {
            if (x.key().equals(d.asText())) {
                diagnosis = x;
            }
        }
        if (diagnosis == null) {
            throw bad(at + ".diagnosis: '" + clip(d.asText()) + "' is not a diagnosis (expected one of " + diagnoses() + ")");
        }
        Target target = target(n.get("target"), at + ".target", snapshot);
        JsonNode c = n.get("confidence");
        if (c == null || !c.isNumber() || !(c.asDouble() >= 0 && c.asDouble() <= 1)) {
            throw bad(at + ".confidence: " + (c == null ? "missing" : clip(c.toString())) + " (expected a number from 0 to 1)");
        }
        JsonNode ev = n.get("evidence");
        List<String> evidence = new ArrayList<>();
        if (ev != null && !ev.isNull()) {
            if (!ev.isArray() || ev.size() > MAX_EVIDENCE) {
                throw bad(at + ".evidence: expected an array of at most " + MAX_EVIDENCE + " strings");
            }
            for (int k = 0; k < ev.size(); k++) {
                JsonNode e = ev.get(k);
                if (!e.isTextual() || e.asText().length() > MAX_EVIDENCE_CHARS) {
                    throw bad(at + ".evidence[" + k + "]: expected a string of at most " + MAX_EVIDENCE_CHARS + " characters");
                }
                String shown = printable(e.asText());
                if (!shown.isEmpty()) { // nothing visible left (blank, or only invisible characters): no evidence
                    evidence.add(shown);
                }
            }
        }
        return new Stated(diagnosis, target, c.asDouble(), evidence);
    }

    private static Target target(JsonNode t, String at, Snapshot snapshot) throws LlmFailure {
        if (t == null || !t.isObject()) {
            throw bad(at + ": expected an object such as {\"gateway\": \"stripe\"} ({} for all traffic)");
        }
        Map<Dimension, String> values = new EnumMap<>(Dimension.class);
        Iterator<Map.Entry<String, JsonNode>> it = t.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            Dimension d = Dimension.fromKey(e.getKey());
            if (d == null) {
                throw bad(at + "." + clip(e.getKey()) + ": not a dimension (expected gateway, issuer, network, method or merchant)");
            }
            if (!e.getValue().isTextual()) {
                throw bad(at + "." + d.key() + ": expected a name");
            }
            values.put(d, e.getValue().asText());
        }
        Target target = Target.of(values);
        if (!target.isAll() && snapshot.segment(target) == null && snapshot.baseline(target) == null) {
            throw bad(at + ": " + clip(target.toString()) + " does not exist in the measurements");
        }
        return target;
    }

    private static void onlyKeys(JsonNode n, String at, Set<String> allowed) throws LlmFailure {
        Iterator<String> names = n.fieldNames();
        while (names.hasNext()) {
            String k = names.next();
            if (!allowed.contains(k)) {
                throw bad(at + clip(k) + ": unexpected field (expected only " + String.join(", ", allowed) + ")");
            }
        }
    }

    /** Some models wrap JSON in a Markdown fence even when told not to; the JSON inside is still checked in full. */
    private static String stripFence(String text) {
        String t = text == null ? "" : text.strip();
        if (t.startsWith("```")) {
            int nl = t.indexOf('\n');
            int end = t.lastIndexOf("```");
            if (nl > 0 && end > nl) {
                return t.substring(nl + 1, end);
            }
        }
        return t;
    }

    /** Evidence is shown to people: one line that displays as it reads (see {@link ModelText}). */
    private static String printable(String s) {
        return ModelText.oneLine(s).strip();
    }

    /** A piece of the answer quoted in a message about it: cleaned like evidence, and short. */
    private static String clip(String s) {
        return ModelText.clip(printable(s), 60);
    }

    private static String firstLine(String s) {
        return s == null ? "" : clip(s.lines().findFirst().orElse(""));
    }

    private static String diagnoses() {
        return String.join(", ", java.util.Arrays.stream(Diagnosis.values()).map(Diagnosis::key).toList())
                .toLowerCase(Locale.ROOT);
    }

    private static LlmFailure bad(String why) {
        return new LlmFailure(LlmFailure.Kind.BAD_ANSWER, why);
    }
}
