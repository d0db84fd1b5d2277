package io.payops.sim;

import io.payops.common.Excerpt;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.payops.common.BadInputException;
import io.payops.common.Json;
import io.payops.common.JsonFields;
import io.payops.domain.Dimension;
import io.payops.domain.FaultSpec;
import io.payops.domain.FaultType;
import io.payops.domain.MigrationStage;
import io.payops.domain.Target;
import io.payops.domain.TicketSettings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoublePredicate;

import static io.payops.sim.ScenarioBounds.Range;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns scenario JSON (DESIGN §5.2) into a {@link Scenario}, checking every field. The tree is walked by hand
 * rather than data-bound so each message can name the exact field path and the range that was expected.
 */
final class ScenarioParser {
    static final int MAX_NAME_LENGTH = 64;
    static final double DEFAULT_LATENCY_SIGMA = 0.45;
    static final int DEFAULT_TIMEOUT_MS = 8000;
    static final String DEFAULT_CURRENCY = "INR";

    private static final Pattern SCENARIO_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern PROFILE_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern JACKSON_LOCATION =
            Pattern.compile("\\s*\\[Source: [^;]*; line: (\\d+), column: (\\d+)\\]");
    private static final Pattern JACKSON_FEATURE_HINT = Pattern.compile(":?\\s*enable `[^`]*` to allow");
    /** "(50000, from `StreamReadConstraints.getMaxNameLength()`)": a limit of the parser, named by its setting. */
    private static final Pattern JACKSON_CONSTRAINT = Pattern.compile(
            "(\\w[\\w ]*) length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+), from `[^`]*`\\)");

    private static final List<String> TOP_KEYS = List.of("name", "description", "seed", "durationSeconds", "tps",
            "shape", "shapePeriodSeconds", "faults", "gateways", "merchants", "tickets");
    private static final List<String> TICKET_KEYS = List.of("ticketsPerMinute", "stage", "burstsPerHour", "burstSize",
            "paymentTicketsPerMinute");
    private static final List<String> FAULT_KEYS = List.of("type", "target", "startSecond", "durationSeconds",
            "severity", "multiplier", "rampSeconds");
    private static final List<String> GATEWAY_KEYS = List.of("name", "weight", "feePercent", "baseSuccess",
            "latencyMs", "latencySigma", "timeoutMs");
    private static final List<String> MERCHANT_KEYS = List.of("name", "volumeShare", "methodMix", "avgAmount",
            "currency");
    private static final List<String> TARGET_KEYS = Arrays.stream(Dimension.values()).map(Dimension::key).toList();
    private static final List<String> FAULT_TYPES = Arrays.stream(FaultType.values()).map(FaultType::key).toList();
    private static final List<String> SHAPES = Arrays.stream(TrafficShape.values()).map(TrafficShape::key).toList();

    private final JsonFields r;

    private ScenarioParser(String source) {
        this.r = JsonFields.lenient(source);
    }

    /** Parses and validates; {@code source} is how messages name the input, e.g. "scenario file 'x.json'". */
    static Scenario parse(String text, String source) {
        return new ScenarioParser(source).parse(text);
    }

    private Scenario parse(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw r.error("", "the scenario is empty (expected a JSON object with at least name, "
                    + "durationSeconds and tps)");
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
        return scenario(r.object(root, "", "a JSON object at the top level"));
    }

    // ---- malformed JSON ----

    private BadInputException malformed(JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String where = loc == null || loc.getLineNr() < 1 ? "" : " at line " + loc.getLineNr() + ", column "
                + loc.getColumnNr();
        String detail = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (detail.startsWith("Trailing token")) {
            detail = "unexpected content after the end of the top-level value";
        }
        Matcher m = JACKSON_LOCATION.matcher(detail);
        detail = m.replaceAll(" [line $1, column $2]");
        detail = JACKSON_FEATURE_HINT.matcher(detail).replaceAll(" (not allowed in JSON)");
        // the parser's limits name its own settings ("from `StreamReadConstraints.getMaxNameLength()`"): say the limit
        detail = JACKSON_CONSTRAINT.matcher(detail).replaceAll("$1 length $2 exceeds the maximum of $3");
        detail = detail.replaceAll("\\s+", " ").trim();
        // The parser knows the last field it entered, which is where the error is or just before it.
        String path = e.getProcessor() instanceof JsonParser p ? pathOf(p.getParsingContext()) : "";
        BadInputException ex = r.error("", "malformed JSON" + where + (path.isEmpty() ? "" : ", near " + path)
                + ": " + detail);
        ex.initCause(e);
        return ex;
    }

    /** The field path a streaming parser was at, in the loader's notation: {@code faults[0].target}. */
    private static String pathOf(JsonStreamContext ctx) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                parts.add("." + c.getCurrentName());
            }
        }
        Collections.reverse(parts);
        String joined = String.join("", parts);
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }

    // ---- top level ----

    private Scenario scenario(ObjectNode root) {
        r.onlyKeys(root, "", TOP_KEYS);

        String nameExpected = "a name of lower-case letters, digits and dashes, starting with a letter or digit";
        String name = r.string(r.required(root, "", "name", nameExpected), "name", nameExpected);
        if (!SCENARIO_NAME.matcher(name).matches() || name.length() > MAX_NAME_LENGTH) {
            throw r.error("name", "'" + Excerpt.of(name) + "' is not a valid scenario name (expected " + nameExpected
                    + ", at most " + MAX_NAME_LENGTH + " characters, e.g. \"sbi-degradation\")");
        }
        String description = root.has("description")
                ? r.string(root.get("description"), "description", "a one-sentence description as a string") : "";
        long seed = wholeIn(root, "", "seed", 1L, ScenarioBounds.SEED);

        int duration = (int) wholeIn(root, "", "durationSeconds", null, ScenarioBounds.DURATION);
        double tps = numberIn(root, "", "tps", null, ScenarioBounds.TPS);

        TrafficShape shape = TrafficShape.FLAT;
        if (root.has("shape")) {
            String expected = "one of " + String.join(", ", SHAPES);
            String key = r.string(root.get("shape"), "shape", expected);
            shape = TrafficShape.fromKey(key);
            if (shape == null) {
                throw r.error("shape", "unknown traffic shape '" + Excerpt.of(key) + "' (expected " + expected + ")");
            }
        }
        int period;
        if (shape == TrafficShape.FLAT) {
            if (root.has("shapePeriodSeconds")) {
                throw r.error("shapePeriodSeconds", "only diurnal or bursty traffic has a period "
                        + "(expected no shapePeriodSeconds, or \"shape\": \"diurnal\" or \"bursty\")");
            }
            period = 3600;
        } else {
            int dflt = shape == TrafficShape.DIURNAL ? 3600 : 120;
            period = (int) wholeIn(root, "", "shapePeriodSeconds", (long) dflt, ScenarioBounds.SHAPE_PERIOD);
        }

        World base = World.defaultWorld();
        List<GatewayProfile> gateways = root.has("gateways") ? gateways(root.get("gateways")) : null;
        List<MerchantProfile> merchants = root.has("merchants") ? merchants(root.get("merchants"), base) : null;
        World world = base.with(gateways, merchants);

        List<FaultSpec> faults = root.has("faults") ? faults(root.get("faults"), duration, world) : List.of();
        TicketSettings tickets = root.has("tickets") ? tickets(root.get("tickets")) : null;
        return new Scenario(name, description, seed, duration, tps, shape, period, faults, world, tickets);
    }

    /** The optional {@code tickets} section: how the merchants write in to support (issue #8). */
    private TicketSettings tickets(JsonNode node) {
        ObjectNode obj = r.object(node, "tickets", "an object with ticketsPerMinute, stage, burstsPerHour, burstSize "
                + "and paymentTicketsPerMinute (all optional)");
        r.onlyKeys(obj, "tickets", TICKET_KEYS);
        TicketSettings d = TicketSettings.DEFAULT;
        double perMinute = numberIn(obj, "tickets", "ticketsPerMinute", d.ticketsPerMinute(),
                ScenarioBounds.TICKETS_PER_MINUTE);
        MigrationStage stage = d.stage();
        if (obj.has("stage")) {
            String expected = "one of " + MigrationStage.keys();
            String key = r.string(obj.get("stage"), "tickets.stage", expected);
            try {
                stage = MigrationStage.fromKey(key);
            } catch (IllegalArgumentException e) {
                throw r.error("tickets.stage", "unknown migration stage '" + Excerpt.of(key) + "' (expected "
                        + expected + ")");
            }
        }
        double bursts = numberIn(obj, "tickets", "burstsPerHour", d.burstsPerHour(), ScenarioBounds.BURSTS_PER_HOUR);
        int size = (int) wholeIn(obj, "tickets", "burstSize", (long) d.burstSize(), ScenarioBounds.BURST_SIZE);
        double payment = numberIn(obj, "tickets", "paymentTicketsPerMinute", d.paymentTicketsPerMinute(),
                ScenarioBounds.PAYMENT_TICKETS_PER_MINUTE);
        return new TicketSettings(perMinute, stage, bursts, size, payment);
    }

    // ---- faults ----

    private List<FaultSpec> faults(JsonNode node, int scenarioDuration, World world) {
        ArrayNode arr = r.array(node, "faults", "an array of fault objects (may be empty)");
        atMost(arr, "faults", 0, ScenarioBounds.MAX_FAULTS, "faults");
        List<FaultSpec> out = new ArrayList<>();
        for (int i = 0; i < arr.size(); i++) {
            out.add(fault(arr.get(i), JsonFields.index("faults", i), scenarioDuration, world));
        }
        return out;
    }

    private FaultSpec fault(JsonNode node, String path, int scenarioDuration, World world) {
        ObjectNode obj = r.object(node, path, "a fault object with type, target, startSecond, durationSeconds "
                + "and severity");
        r.onlyKeys(obj, path, FAULT_KEYS);

        String typeExpected = "one of " + String.join(", ", FAULT_TYPES);
        String typePath = JsonFields.child(path, "type");
        String typeKey = r.string(r.required(obj, path, "type", typeExpected), typePath, typeExpected);
        FaultType type = FaultType.fromKey(typeKey);
        if (type == null) {
            throw r.error(typePath, "unknown fault type '" + Excerpt.of(typeKey) + "' (expected " + typeExpected + ")");
        }

        Target target = target(r.required(obj, path, "target",
                "an object such as {\"gateway\": \"stripe\"}, or {} for all traffic"),
                JsonFields.child(path, "target"), world);

        double start = numberIn(obj, path, "startSecond", null, v -> v >= 0 && v < scenarioDuration,
                "a number of seconds of at least 0 and below the scenario's durationSeconds of " + scenarioDuration);
        double duration = numberIn(obj, path, "durationSeconds", null, ScenarioBounds.FAULT_DURATION);

        boolean latency = type == FaultType.LATENCY_SPIKE;
        double severity = numberIn(obj, path, "severity", latency ? 0.0 : null, ScenarioBounds.SEVERITY);
        double multiplier;
        if (latency) {
            multiplier = numberIn(obj, path, "multiplier", null, ScenarioBounds.MULTIPLIER);
        } else {
            if (obj.has("multiplier")) {
                throw r.error(JsonFields.child(path, "multiplier"), "only latency_spike faults take a multiplier "
                        + "(expected no multiplier for " + type.key() + "; use severity)");
            }
            multiplier = 1;
        }
        String durationText = duration == Math.rint(duration) ? String.valueOf((long) duration)
                : String.valueOf(duration);
        double ramp = numberIn(obj, path, "rampSeconds", 0.0, v -> v >= 0 && v <= duration,
                "a number of seconds from 0 to the fault's durationSeconds of " + durationText);
        return new FaultSpec(type, target, start, duration, severity, multiplier, ramp);
    }

    private Target target(JsonNode node, String path, World world) {
        ObjectNode obj = r.object(node, path, "an object such as {\"gateway\": \"stripe\", \"issuer\": \"SBI\"}, "
                + "or {} for all traffic");
        Map<String, String> raw = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : obj.properties()) {
            String keyPath = JsonFields.child(path, e.getKey());
            Dimension d = Dimension.fromKey(e.getKey());
            if (d == null) {
                String hint = JsonFields.nearest(e.getKey(), TARGET_KEYS);
                throw r.error(keyPath, "unknown target key (expected one of " + String.join(", ", TARGET_KEYS)
                        + (hint == null ? "" : "; did you mean '" + hint + "'?") + ")");
            }
            String expected = "the name of a " + d.key() + " (one of " + String.join(", ", world.names(d)) + ")";
            String value = r.string(e.getValue(), keyPath, expected);
            if (!world.knows(d, value)) {
                String hint = world.names(d).stream().filter(n -> n.equalsIgnoreCase(value)).findFirst()
                        .map(n -> "; did you mean '" + n + "'?").orElse("");
                throw r.error(keyPath, "'" + Excerpt.of(value) + "' names no " + d.key() + " in this scenario's "
                        + "world (expected one of " + String.join(", ", world.names(d)) + hint + ")");
            }
            raw.put(e.getKey(), value);
        }
        try {
            return Target.fromJson(raw);
        } catch (IllegalArgumentException e) {
            throw r.error(path, e.getMessage());
        }
    }

    // ---- world overrides ----

    /** Reads one profile of a world override, given its object, its path and its (checked, unique) name. */
    private interface ProfileReader<T> {
        T read(ObjectNode obj, String path, String name);
    }

    /**
     * The non-empty array under {@code key} ("gateways", "merchants"), each element an object of {@code keys} only,
     * with a name no other element has, read by {@code reader}.
     */
    private <T> List<T> profiles(JsonNode node, String key, String noun, int max, String described,
                                 List<String> keys, ProfileReader<T> reader) {
        ArrayNode arr = r.array(node, key, "a non-empty array of " + noun + " objects");
        if (arr.isEmpty()) {
            throw r.error(key, "no " + key + " (expected at least one " + noun + ", or leave the key out to keep "
                    + "the default " + key + ")");
        }
        atMost(arr, key, 1, max, noun + "s");
        List<T> out = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < arr.size(); i++) {
            String path = JsonFields.index(key, i);
            ObjectNode obj = r.object(arr.get(i), path, "a " + noun + " object with " + described);
            r.onlyKeys(obj, path, keys);
            out.add(reader.read(obj, path, profileName(obj, path, seen, noun)));
        }
        return out;
    }

    private List<GatewayProfile> gateways(JsonNode node) {
        List<GatewayProfile> out = profiles(node, "gateways", "gateway", ScenarioBounds.MAX_GATEWAYS,
                "name, weight, feePercent, baseSuccess and latencyMs", GATEWAY_KEYS, this::gateway);
        if (out.stream().noneMatch(g -> g.weight() > 0)) {
            throw r.error("gateways", "every gateway has weight 0 (expected at least one gateway with a weight "
                    + "above 0)");
        }
        return out;
    }

    private GatewayProfile gateway(ObjectNode obj, String path, String name) {
        double weight = numberIn(obj, path, "weight", null, ScenarioBounds.WEIGHT);
        double fee = numberIn(obj, path, "feePercent", null, ScenarioBounds.FEE_PERCENT);
        double baseSuccess = numberIn(obj, path, "baseSuccess", null, ScenarioBounds.BASE_SUCCESS);
        double latency = numberIn(obj, path, "latencyMs", null, ScenarioBounds.LATENCY_MS);
        double sigma = numberIn(obj, path, "latencySigma", DEFAULT_LATENCY_SIGMA, ScenarioBounds.LATENCY_SIGMA);
        int timeout = (int) wholeIn(obj, path, "timeoutMs", (long) DEFAULT_TIMEOUT_MS, ScenarioBounds.TIMEOUT_MS);
        return new GatewayProfile(name, weight, fee, baseSuccess, latency, sigma, timeout);
    }

    private List<MerchantProfile> merchants(JsonNode node, World base) {
        List<String> methods = base.names(Dimension.METHOD);
        return profiles(node, "merchants", "merchant", ScenarioBounds.MAX_MERCHANTS,
                "name, volumeShare, methodMix and avgAmount", MERCHANT_KEYS,
                (obj, path, name) -> merchant(obj, path, name, methods));
    }

    private MerchantProfile merchant(ObjectNode obj, String path, String name, List<String> methods) {
        double volume = numberIn(obj, path, "volumeShare", null, ScenarioBounds.VOLUME_SHARE);
        Map<String, Double> mix = methodMix(obj, path, methods);
        double avg = numberIn(obj, path, "avgAmount", null, ScenarioBounds.AVG_AMOUNT);
        String currency = DEFAULT_CURRENCY;
        if (obj.has("currency")) {
            String cPath = JsonFields.child(path, "currency");
            String expected = "a 3-letter upper-case currency code such as \"INR\"";
            currency = r.string(obj.get("currency"), cPath, expected);
            if (!CURRENCY.matcher(currency).matches()) {
                throw r.error(cPath, "'" + Excerpt.of(currency) + "' is not a currency code (expected " + expected
                        + ")");
            }
        }
        return new MerchantProfile(name, volume, mix, avg, currency);
    }

    private Map<String, Double> methodMix(ObjectNode merchant, String merchantPath, List<String> methods) {
        String path = JsonFields.child(merchantPath, "methodMix");
        String expected = "an object of method shares such as {\"CARD\": 0.6, \"UPI\": 0.4}, methods among "
                + String.join(", ", methods);
        ObjectNode obj = r.object(r.required(merchant, merchantPath, "methodMix", expected), path, expected);
        Map<String, Double> mix = new LinkedHashMap<>();
        double sum = 0;
        for (Map.Entry<String, JsonNode> e : obj.properties()) {
            String mPath = JsonFields.child(path, e.getKey());
            if (!methods.contains(e.getKey())) {
                String hint = JsonFields.nearest(e.getKey(), methods);
                throw r.error(mPath, "unknown payment method (expected one of " + String.join(", ", methods)
                        + (hint == null ? "" : "; did you mean '" + hint + "'?") + ")");
            }
            Range range = ScenarioBounds.METHOD_SHARE;
            double share = r.number(e.getValue(), mPath, range.expected());
            if (!range.contains(share)) {
                throw r.outOfRange(mPath, e.getValue(), range.expected());
            }
            mix.put(e.getKey(), share);
            sum += share;
        }
        if (!(sum > 0)) {
            throw r.error(path, "the method shares add up to 0 (expected at least one method with a share above 0)");
        }
        return Collections.unmodifiableMap(mix);
    }

    private String profileName(ObjectNode obj, String path, Map<String, String> seen, String what) {
        String expected = "a " + what + " name of lower-case letters, digits, '-' or '_'";
        String namePath = JsonFields.child(path, "name");
        String name = r.string(r.required(obj, path, "name", expected), namePath, expected);
        if (!PROFILE_NAME.matcher(name).matches() || name.length() > MAX_NAME_LENGTH) {
            throw r.error(namePath, "'" + Excerpt.of(name) + "' is not a valid " + what + " name (expected " + expected
                    + ", at most " + MAX_NAME_LENGTH + " characters)");
        }
        String earlier = seen.putIfAbsent(name, path);
        if (earlier != null) {
            throw r.error(namePath, "'" + name + "' is already used by " + earlier + " (expected unique " + what
                    + " names)");
        }
        return name;
    }

    // ---- numbers with ranges ----

    /** A number within one of {@link ScenarioBounds}' ranges; {@code dflt} null makes the key required. */
    private double numberIn(ObjectNode obj, String path, String key, Double dflt, Range range) {
        return numberIn(obj, path, key, dflt, range::contains, range.expected());
    }

    private long wholeIn(ObjectNode obj, String path, String key, Long dflt, Range range) {
        return wholeIn(obj, path, key, dflt, (long) Math.ceil(range.min()), (long) range.max(), range.expected());
    }

    /** Refuses an array longer than {@code max}: each element costs the simulator on every attempt or path. */
    private void atMost(ArrayNode arr, String path, int min, int max, String what) {
        if (arr.size() > max) {
            throw r.error(path, arr.size() + " " + what + " are too many (expected from " + min + " to " + max + " "
                    + what + ")");
        }
    }

    /** A number that must satisfy {@code ok}; {@code dflt} null makes the key required. */
    private double numberIn(ObjectNode obj, String path, String key, Double dflt, DoublePredicate ok,
                            String expected) {
        String fieldPath = JsonFields.child(path, key);
        JsonNode node = valueOrDefault(obj, fieldPath, key, dflt != null, expected);
        if (node == null) {
            return dflt;
        }
        double v = r.number(node, fieldPath, expected);
        if (!ok.test(v)) {
            throw r.outOfRange(fieldPath, node, expected);
        }
        return v;
    }

    private long wholeIn(ObjectNode obj, String path, String key, Long dflt, long min, long max, String expected) {
        String fieldPath = JsonFields.child(path, key);
        JsonNode node = valueOrDefault(obj, fieldPath, key, dflt != null, expected);
        if (node == null) {
            return dflt;
        }
        long v = r.wholeNumber(node, fieldPath, expected);
        if (v < min || v > max) {
            throw r.outOfRange(fieldPath, node, expected);
        }
        return v;
    }

    /** The key's value; null when it is missing and has a default; a missing required key is an error. */
    private JsonNode valueOrDefault(ObjectNode obj, String fieldPath, String key, boolean hasDefault, String expected) {
        JsonNode node = obj.get(key);
        if (node == null && !hasDefault) {
            throw r.error(fieldPath, "missing required key (expected " + expected + ")");
        }
        return node;
    }
}
