package io.payops.sim;

import io.payops.common.BadInputException;
import io.payops.domain.Dimension;
import io.payops.domain.FaultSpec;
import io.payops.domain.FaultType;
import io.payops.domain.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioLoaderTest {

    @TempDir
    Path dir;

    /** The DESIGN §5.2 example, verbatim. */
    static final String DESIGN_EXAMPLE = """
            {
              "name": "sbi-degradation",
              "description": "Razorpay's connection to SBI loses 35 points of approvals for ten minutes",
              "seed": 7,
              "durationSeconds": 1800,
              "tps": 40,
              "faults": [
                {"type": "issuer_degradation", "target": {"gateway": "razorpay", "issuer": "SBI"}, "startSecond": 300, "durationSeconds": 600, "severity": 0.35}
              ]
            }
            """;

    private static final String FAULT_OK =
            "{\"type\": \"issuer_degradation\", \"target\": {\"gateway\": \"razorpay\", \"issuer\": \"SBI\"}, "
                    + "\"startSecond\": 300, \"durationSeconds\": 600, \"severity\": 0.35}";

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private BadInputException rejectFile(String content) throws IOException {
        Path file = write("bad.json", content);
        BadInputException e = assertThrows(BadInputException.class, () -> ScenarioLoader.fromFile(file));
        assertTrue(e.getMessage().contains("scenario file '" + file + "'"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one-line message: " + e.getMessage());
        return e;
    }

    /** A minimal valid scenario with extra top-level members spliced in (each a complete "key": value). */
    private static String scenario(String... members) {
        StringBuilder sb = new StringBuilder("{\"name\": \"t\", \"durationSeconds\": 1800, \"tps\": 40");
        for (String m : members) {
            sb.append(", ").append(m);
        }
        return sb.append('}').toString();
    }

    private static String withFault(String faultJson) {
        return scenario("\"faults\": [" + faultJson + "]");
    }

    private static String fault(String type, String target, String rest) {
        return "{\"type\": \"" + type + "\", \"target\": " + target + ", \"startSecond\": 300, "
                + "\"durationSeconds\": 600" + (rest.isEmpty() ? "" : ", " + rest) + "}";
    }

    private static String gateway(String members) {
        return "{\"name\": \"acme\", \"weight\": 1, \"feePercent\": 2, \"baseSuccess\": 0.95, \"latencyMs\": 300"
                + (members.isEmpty() ? "" : ", " + members) + "}";
    }

    private static String merchant(String members) {
        return "{\"name\": \"shop\", \"volumeShare\": 1, \"methodMix\": {\"CARD\": 1}, \"avgAmount\": 500"
                + (members.isEmpty() ? "" : ", " + members) + "}";
    }

    // ---- good input ----

    @Test
    void designExampleLoadsToTheExpectedRecords() throws IOException {
        Scenario s = ScenarioLoader.fromFile(write("sbi.json", DESIGN_EXAMPLE));
        assertEquals("sbi-degradation", s.name());
        assertEquals("Razorpay's connection to SBI loses 35 points of approvals for ten minutes", s.description());
        assertEquals(7, s.seed());
        assertEquals(1800, s.durationSeconds());
        assertEquals(40.0, s.tps());
        assertEquals(TrafficShape.FLAT, s.shape());
        assertEquals(World.defaultWorld(), s.world());
        assertEquals(List.of(new FaultSpec(FaultType.ISSUER_DEGRADATION,
                Target.of(Dimension.GATEWAY, "razorpay", Dimension.ISSUER, "SBI"),
                300, 600, 0.35, 1, 0)), s.faults());
        assertTrue(s.routingCanHelp());
    }

    @Test
    void designExampleEqualsTheBuiltIn() {
        Scenario fromDesign = ScenarioLoader.fromString(DESIGN_EXAMPLE, "design example");
        assertEquals(fromDesign, ScenarioLoader.builtIn("sbi-degradation"));
    }

    @Test
    void defaultsApply() {
        Scenario s = ScenarioLoader.fromString(scenario(), "minimal");
        assertEquals(1, s.seed());
        assertEquals("", s.description());
        assertEquals(List.of(), s.faults());
        assertEquals(TrafficShape.FLAT, s.shape());

        Scenario spike = ScenarioLoader.fromString(withFault(fault("latency_spike", "{\"gateway\": \"paypal\"}",
                "\"multiplier\": 6")), "spike");
        FaultSpec f = spike.faults().get(0);
        assertEquals(0, f.severity());
        assertEquals(6, f.multiplier());
        assertEquals(0, f.rampSeconds());

        assertEquals(3600, ScenarioLoader.fromString(scenario("\"shape\": \"diurnal\""), "d").shapePeriodSeconds());
        assertEquals(120, ScenarioLoader.fromString(scenario("\"shape\": \"bursty\""), "b").shapePeriodSeconds());
        assertEquals(TrafficShape.BURSTY, ScenarioLoader.fromString(scenario("\"shape\": \"bursty\", "
                + "\"shapePeriodSeconds\": 60"), "b").shape());
    }

    @Test
    void emptyTargetMeansAllTraffic() {
        Scenario s = ScenarioLoader.fromString(withFault(fault("network_errors", "{}", "\"severity\": 0.1")), "x");
        assertTrue(s.faults().get(0).target().isAll());
    }

    @Test
    void worldOverridesReplaceGatewaysAndMerchantsAndTargetsFollowThem() {
        String json = scenario(
                "\"gateways\": [" + gateway("") + ", {\"name\": \"backup\", \"weight\": 0, \"feePercent\": 1, "
                        + "\"baseSuccess\": 0.9, \"latencyMs\": 500, \"latencySigma\": 0.3, \"timeoutMs\": 5000}]",
                "\"merchants\": [" + merchant("\"currency\": \"USD\"") + "]",
                "\"faults\": [" + fault("gateway_outage", "{\"gateway\": \"acme\", \"merchant\": \"shop\"}",
                        "\"severity\": 0.5") + "]");
        Scenario s = ScenarioLoader.fromString(json, "override");
        assertEquals(List.of("acme", "backup"), s.world().names(Dimension.GATEWAY));
        assertEquals(new GatewayProfile("acme", 1, 2, 0.95, 300, 0.45, 8000), s.world().gateway("acme"));
        assertEquals(new GatewayProfile("backup", 0, 1, 0.9, 500, 0.3, 5000), s.world().gateway("backup"));
        assertEquals(List.of(new MerchantProfile("shop", 1, Map.of("CARD", 1.0), 500, "USD")), s.world().merchants());
        assertEquals(World.defaultWorld().issuers(), s.world().issuers());
        assertEquals(Target.of(Dimension.GATEWAY, "acme", Dimension.MERCHANT, "shop"), s.faults().get(0).target());
    }

    static List<String> builtInNames() {
        return ScenarioLoader.builtInNames();
    }

    /** One case per built-in scenario, so one scenario's failure hides no other's. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("builtInNames")
    void everyBuiltInLoadsWithADescriptionAndFaultsInsideTheRun(String name) {
        Scenario s = ScenarioLoader.builtIns().stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
        assertFalse(s.description().isBlank(), s.name());
        assertEquals(s, ScenarioLoader.builtIn(s.name()));
        assertEquals(s, ScenarioLoader.resolve(s.name()));
        for (FaultSpec f : s.faults()) {
            assertTrue(f.endSecond() <= s.durationSeconds(), s.name() + " fault ends after the run");
        }
    }

    @Test
    void theBuiltInsAreListedInOrderWithEveryOneTheBriefAsked() {
        List<String> names = ScenarioLoader.builtInNames();
        assertTrue(names.size() >= 12, names.toString());
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        assertEquals(sorted, names);
        List<Scenario> all = ScenarioLoader.builtIns();
        assertEquals(names, all.stream().map(Scenario::name).toList());
        for (String required : List.of("quiet", "sbi-degradation", "sbi-degradation-low-volume",
                "gradual-hdfc-degradation", "stripe-outage", "paypal-latency-spike", "adyen-retry-storm",
                "network-errors-everywhere", "user-decline-surge", "icici-down-everywhere", "overlapping-faults",
                "razorpay-upi-outage", "diurnal-quiet", "shift-then-degrade")) {
            assertTrue(names.contains(required), required);
        }
    }

    @Test
    void builtInsSayWhatTheBriefAsked() {
        assertEquals(List.of(), ScenarioLoader.builtIn("quiet").faults());
        assertEquals(8.0, ScenarioLoader.builtIn("sbi-degradation-low-volume").tps());
        FaultSpec hdfc = ScenarioLoader.builtIn("gradual-hdfc-degradation").faults().get(0);
        assertEquals(240, hdfc.rampSeconds());
        assertEquals(Target.of(Dimension.GATEWAY, "adyen", Dimension.ISSUER, "HDFC"), hdfc.target());
        assertEquals(780, ScenarioLoader.builtIn("stripe-outage").faults().get(0).endSecond());
        assertEquals(6, ScenarioLoader.builtIn("paypal-latency-spike").faults().get(0).multiplier());
        assertFalse(ScenarioLoader.builtIn("icici-down-everywhere").routingCanHelp());
        assertFalse(ScenarioLoader.builtIn("network-errors-everywhere").routingCanHelp());
        assertFalse(ScenarioLoader.builtIn("user-decline-surge").routingCanHelp());
        Scenario diurnal = ScenarioLoader.builtIn("diurnal-quiet");
        assertEquals(TrafficShape.DIURNAL, diurnal.shape());
        assertEquals(1800, diurnal.shapePeriodSeconds());
        List<FaultSpec> shift = ScenarioLoader.builtIn("shift-then-degrade").faults();
        assertEquals(Target.of(Dimension.GATEWAY, "stripe", Dimension.ISSUER, "KOTAK"), shift.get(0).target());
        assertEquals(Target.gateway("adyen"), shift.get(1).target());
        assertEquals(420, shift.get(1).startSecond());
    }

    @Test
    void resolveReadsAFileWhenTheNameIsNotBuiltIn() throws IOException {
        Path file = write("mine.json", DESIGN_EXAMPLE);
        assertEquals("sbi-degradation", ScenarioLoader.resolve(file.toString()).name());
    }

    // ---- bad sources ----

    @Test
    void missingFile() {
        Path file = dir.resolve("nope.json");
        BadInputException e = assertThrows(BadInputException.class, () -> ScenarioLoader.fromFile(file));
        assertTrue(e.getMessage().contains("scenario file '" + file + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void directoryIsNotAFile() {
        BadInputException e = assertThrows(BadInputException.class, () -> ScenarioLoader.fromFile(dir));
        assertTrue(e.getMessage().contains("scenario file '" + dir + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("directory"), e.getMessage());
    }

    @Test
    void emptyFile() throws IOException {
        BadInputException e = rejectFile("");
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        e = rejectFile("  \n\t ");
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void malformedJsonNamesLineColumnAndField() throws IOException {
        BadInputException e = rejectFile("{\n  \"name\": \"t\",\n  \"faults\": [\n    {\"type\": }\n  ]\n}\n");
        assertTrue(e.getMessage().contains("malformed JSON at line 4, column 14, near faults[0].type: "),
                e.getMessage());
    }

    @Test
    void truncatedAndTrailingJson() throws IOException {
        BadInputException e = rejectFile("{\"name\": \"t\", \"tps\": 4");
        assertTrue(e.getMessage().contains("malformed JSON at line 1"), e.getMessage());
        e = rejectFile(scenario() + " {}");
        assertTrue(e.getMessage().contains("malformed JSON at line 1"), e.getMessage());
        e = rejectFile("{\"name\": \"t\", \"name\": \"u\"}");
        assertTrue(e.getMessage().contains("near name: Duplicate field 'name'"), e.getMessage());
        e = rejectFile("{\"name\": \"t\", \"tps\": NaN}");
        assertTrue(e.getMessage().contains("near tps: Non-standard token 'NaN' (not allowed in JSON)"),
                e.getMessage());
    }

    @Test
    void topLevelMustBeAnObject() throws IOException {
        BadInputException e = rejectFile("[1, 2]");
        assertTrue(e.getMessage().contains("expected a JSON object at the top level, found an array"),
                e.getMessage());
    }

    @Test
    void unknownBuiltInListsTheNames() {
        BadInputException e = assertThrows(BadInputException.class, () -> ScenarioLoader.builtIn("x"));
        assertTrue(e.getMessage().startsWith("built-in scenario 'x'"), e.getMessage());
        assertTrue(e.getMessage().contains("sbi-degradation") && e.getMessage().contains("quiet"), e.getMessage());
    }

    @Test
    void resolveOfNeitherNameNorFileListsTheBuiltIns() {
        String missing = dir.resolve("missing.json").toString();
        for (String value : List.of("no-such-scenario", missing)) {
            BadInputException e = assertThrows(BadInputException.class, () -> ScenarioLoader.resolve(value));
            assertTrue(e.getMessage().contains("'" + value + "'"), e.getMessage());
            assertTrue(e.getMessage().contains("stripe-outage") && e.getMessage().contains("quiet"), e.getMessage());
        }
    }

    @Test
    void fromStringNamesTheGivenSource() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> ScenarioLoader.fromString(scenario("\"seed\": \"x\""), "chaos panel"));
        assertTrue(e.getMessage().startsWith("chaos panel: seed: "), e.getMessage());
    }

    // ---- bad fields: each case names the field path ----

    static Stream<Arguments> badFields() {
        return Stream.of(
                // top level
                Arguments.of("unknown top-level key", scenario("\"durationSecs\": 5"), "durationSecs",
                        "unknown key"),
                Arguments.of("missing name", "{\"durationSeconds\": 1800, \"tps\": 40}", "name",
                        "missing required key"),
                Arguments.of("missing durationSeconds", "{\"name\": \"t\", \"tps\": 40}", "durationSeconds",
                        "missing required key"),
                Arguments.of("missing tps", "{\"name\": \"t\", \"durationSeconds\": 60}", "tps",
                        "missing required key"),
                Arguments.of("name is a number", "{\"name\": 5, \"durationSeconds\": 60, \"tps\": 4}", "name",
                        "found a number"),
                Arguments.of("name with capitals", "{\"name\": \"Bad Name\", \"durationSeconds\": 60, \"tps\": 4}",
                        "name", "not a valid scenario name"),
                Arguments.of("name starting with dash", "{\"name\": \"-x\", \"durationSeconds\": 60, \"tps\": 4}",
                        "name", "not a valid scenario name"),
                Arguments.of("tps as a string", "{\"name\": \"t\", \"durationSeconds\": 60, \"tps\": \"40\"}",
                        "tps", "found a string"),
                Arguments.of("tps zero", "{\"name\": \"t\", \"durationSeconds\": 60, \"tps\": 0}", "tps",
                        "out of range"),
                Arguments.of("tps too high", "{\"name\": \"t\", \"durationSeconds\": 60, \"tps\": 100001}", "tps",
                        "out of range"),
                Arguments.of("negative duration", "{\"name\": \"t\", \"durationSeconds\": -5, \"tps\": 4}",
                        "durationSeconds", "out of range"),
                Arguments.of("zero duration", "{\"name\": \"t\", \"durationSeconds\": 0, \"tps\": 4}",
                        "durationSeconds", "out of range"),
                Arguments.of("duration over a week", "{\"name\": \"t\", \"durationSeconds\": 604801, \"tps\": 4}",
                        "durationSeconds", "out of range"),
                Arguments.of("fractional duration", "{\"name\": \"t\", \"durationSeconds\": 60.5, \"tps\": 4}",
                        "durationSeconds", "not a whole number"),
                Arguments.of("seed as a string", scenario("\"seed\": \"7\""), "seed", "found a string"),
                Arguments.of("description as a number", scenario("\"description\": 3"), "description",
                        "found a number"),
                Arguments.of("faults not an array", scenario("\"faults\": {}"), "faults", "found an object"),
                Arguments.of("unknown shape", scenario("\"shape\": \"spiky\""), "shape", "diurnal"),
                Arguments.of("zero shape period", scenario("\"shape\": \"diurnal\", \"shapePeriodSeconds\": 0"),
                        "shapePeriodSeconds", "out of range"),
                Arguments.of("period on flat traffic", scenario("\"shapePeriodSeconds\": 60"),
                        "shapePeriodSeconds", "only diurnal or bursty"),
                // faults
                Arguments.of("fault not an object", withFault("3"), "faults[0]", "found a number"),
                Arguments.of("unknown key in fault", withFault(fault("gateway_outage", "{\"gateway\": \"stripe\"}",
                        "\"severity\": 0.5, \"colour\": \"red\"")), "faults[0].colour", "unknown key"),
                Arguments.of("unknown fault type", withFault(fault("meteor_strike", "{}", "\"severity\": 0.5")),
                        "faults[0].type", "issuer_degradation, gateway_outage, latency_spike"),
                Arguments.of("missing fault type", withFault("{\"target\": {}, \"startSecond\": 1, "
                        + "\"durationSeconds\": 5, \"severity\": 0.5}"), "faults[0].type", "missing required key"),
                Arguments.of("severity 1.5", withFault(fault("gateway_outage", "{\"gateway\": \"stripe\"}",
                        "\"severity\": 1.5")), "faults[0].severity", "1.5 is out of range"),
                Arguments.of("negative severity", withFault(fault("gateway_outage", "{\"gateway\": \"stripe\"}",
                        "\"severity\": -0.1")), "faults[0].severity", "out of range"),
                Arguments.of("missing severity", withFault(fault("gateway_outage", "{\"gateway\": \"stripe\"}",
                        "")), "faults[0].severity", "missing required key"),
                Arguments.of("severity as a string", withFault(fault("gateway_outage", "{\"gateway\": \"stripe\"}",
                        "\"severity\": \"high\"")), "faults[0].severity", "found a string"),
                Arguments.of("latency spike without multiplier", withFault(fault("latency_spike",
                        "{\"gateway\": \"paypal\"}", "")), "faults[0].multiplier", "missing required key"),
                Arguments.of("latency multiplier 1", withFault(fault("latency_spike", "{\"gateway\": \"paypal\"}",
                        "\"multiplier\": 1")), "faults[0].multiplier", "out of range"),
                Arguments.of("latency multiplier 51", withFault(fault("latency_spike", "{\"gateway\": \"paypal\"}",
                        "\"multiplier\": 51")), "faults[0].multiplier", "out of range"),
                Arguments.of("multiplier on an outage", withFault(fault("gateway_outage",
                        "{\"gateway\": \"stripe\"}", "\"severity\": 0.5, \"multiplier\": 3")),
                        "faults[0].multiplier", "only latency_spike"),
                Arguments.of("negative start", withFault("{\"type\": \"gateway_outage\", \"target\": {}, "
                        + "\"startSecond\": -1, \"durationSeconds\": 60, \"severity\": 0.5}"),
                        "faults[0].startSecond", "out of range"),
                Arguments.of("start at the end of the run", withFault("{\"type\": \"gateway_outage\", "
                        + "\"target\": {}, \"startSecond\": 1800, \"durationSeconds\": 60, \"severity\": 0.5}"),
                        "faults[0].startSecond", "below the scenario's durationSeconds of 1800"),
                Arguments.of("zero fault duration", withFault("{\"type\": \"gateway_outage\", \"target\": {}, "
                        + "\"startSecond\": 10, \"durationSeconds\": 0, \"severity\": 0.5}"),
                        "faults[0].durationSeconds", "out of range"),
                Arguments.of("negative ramp", withFault(fault("gateway_outage", "{}",
                        "\"severity\": 0.5, \"rampSeconds\": -1")), "faults[0].rampSeconds", "out of range"),
                Arguments.of("ramp longer than the fault", withFault(fault("gateway_outage", "{}",
                        "\"severity\": 0.5, \"rampSeconds\": 601")), "faults[0].rampSeconds",
                        "the fault's durationSeconds of 600"),
                Arguments.of("second fault is the bad one", scenario("\"faults\": [" + FAULT_OK + ", "
                        + fault("gateway_outage", "{}", "\"severity\": 2") + "]"), "faults[1].severity",
                        "out of range"),
                // targets
                Arguments.of("missing target", withFault("{\"type\": \"gateway_outage\", \"startSecond\": 10, "
                        + "\"durationSeconds\": 60, \"severity\": 0.5}"), "faults[0].target",
                        "missing required key"),
                Arguments.of("target not an object", withFault(fault("gateway_outage", "\"stripe\"",
                        "\"severity\": 0.5")), "faults[0].target", "found a string"),
                Arguments.of("unknown target key", withFault(fault("gateway_outage", "{\"bank\": \"SBI\"}",
                        "\"severity\": 0.5")), "faults[0].target.bank",
                        "gateway, issuer, network, method, merchant"),
                Arguments.of("unknown issuer", withFault(fault("issuer_degradation", "{\"issuer\": \"FOO\"}",
                        "\"severity\": 0.5")), "faults[0].target.issuer", "HDFC, ICICI, SBI, AXIS, KOTAK"),
                Arguments.of("issuer in the wrong case", withFault(fault("issuer_degradation",
                        "{\"issuer\": \"sbi\"}", "\"severity\": 0.5")), "faults[0].target.issuer",
                        "did you mean 'SBI'"),
                Arguments.of("unknown gateway", withFault(fault("gateway_outage", "{\"gateway\": \"braintree\"}",
                        "\"severity\": 0.5")), "faults[0].target.gateway", "stripe, adyen, razorpay, paypal"),
                Arguments.of("unknown method", withFault(fault("gateway_outage", "{\"method\": \"BNPL\"}",
                        "\"severity\": 0.5")), "faults[0].target.method", "CARD, UPI"),
                Arguments.of("unknown network", withFault(fault("gateway_outage", "{\"network\": \"DINERS\"}",
                        "\"severity\": 0.5")), "faults[0].target.network", "VISA"),
                Arguments.of("unknown merchant", withFault(fault("user_declines", "{\"merchant\": \"acme\"}",
                        "\"severity\": 0.5")), "faults[0].target.merchant", "shopkart"),
                Arguments.of("target value not a string", withFault(fault("gateway_outage", "{\"gateway\": 1}",
                        "\"severity\": 0.5")), "faults[0].target.gateway", "found a number"),
                Arguments.of("target names a gateway the override removed", scenario(
                        "\"gateways\": [" + gateway("") + "]",
                        "\"faults\": [" + fault("gateway_outage", "{\"gateway\": \"stripe\"}", "\"severity\": 0.5")
                                + "]"), "faults[0].target.gateway", "expected one of acme"),
                // gateway overrides
                Arguments.of("gateways empty", scenario("\"gateways\": []"), "gateways", "at least one gateway"),
                Arguments.of("unknown key in gateway", scenario("\"gateways\": [" + gateway("\"region\": \"eu\"")
                        + "]"), "gateways[0].region", "unknown key"),
                Arguments.of("gateway missing baseSuccess", scenario("\"gateways\": [{\"name\": \"g\", "
                        + "\"weight\": 1, \"feePercent\": 1, \"latencyMs\": 300}]"), "gateways[0].baseSuccess",
                        "missing required key"),
                Arguments.of("negative weight", scenario("\"gateways\": [" + gateway("") + ", {\"name\": \"g\", "
                        + "\"weight\": -1, \"feePercent\": 1, \"baseSuccess\": 0.9, \"latencyMs\": 300}]"),
                        "gateways[1].weight", "out of range"),
                Arguments.of("all weights zero", scenario("\"gateways\": [{\"name\": \"g\", \"weight\": 0, "
                        + "\"feePercent\": 1, \"baseSuccess\": 0.9, \"latencyMs\": 300}]"), "gateways",
                        "weight above 0"),
                Arguments.of("fee over 20", scenario("\"gateways\": [{\"name\": \"g\", \"weight\": 1, "
                        + "\"feePercent\": 21, \"baseSuccess\": 0.9, \"latencyMs\": 300}]"),
                        "gateways[0].feePercent", "out of range"),
                Arguments.of("base success zero", scenario("\"gateways\": [{\"name\": \"g\", \"weight\": 1, "
                        + "\"feePercent\": 1, \"baseSuccess\": 0, \"latencyMs\": 300}]"),
                        "gateways[0].baseSuccess", "out of range"),
                Arguments.of("latency zero", scenario("\"gateways\": [{\"name\": \"g\", \"weight\": 1, "
                        + "\"feePercent\": 1, \"baseSuccess\": 0.9, \"latencyMs\": 0}]"),
                        "gateways[0].latencyMs", "out of range"),
                Arguments.of("sigma over 2", scenario("\"gateways\": [" + gateway("\"latencySigma\": 2.5") + "]"),
                        "gateways[0].latencySigma", "out of range"),
                Arguments.of("timeout zero", scenario("\"gateways\": [" + gateway("\"timeoutMs\": 0") + "]"),
                        "gateways[0].timeoutMs", "out of range"),
                Arguments.of("duplicate gateway names", scenario("\"gateways\": [" + gateway("") + ", "
                        + gateway("") + "]"), "gateways[1].name", "already used by gateways[0]"),
                // merchant overrides
                Arguments.of("unknown key in merchant", scenario("\"merchants\": [" + merchant("\"mcc\": 5411")
                        + "]"), "merchants[0].mcc", "unknown key"),
                Arguments.of("merchant missing methodMix", scenario("\"merchants\": [{\"name\": \"m\", "
                        + "\"volumeShare\": 1, \"avgAmount\": 5}]"), "merchants[0].methodMix",
                        "missing required key"),
                Arguments.of("merchant volume zero", scenario("\"merchants\": [{\"name\": \"m\", "
                        + "\"volumeShare\": 0, \"methodMix\": {\"UPI\": 1}, \"avgAmount\": 5}]"),
                        "merchants[0].volumeShare", "out of range"),
                Arguments.of("unknown method in mix", scenario("\"merchants\": [{\"name\": \"m\", "
                        + "\"volumeShare\": 1, \"methodMix\": {\"CASH\": 1}, \"avgAmount\": 5}]"),
                        "merchants[0].methodMix.CASH", "unknown payment method"),
                Arguments.of("negative method share", scenario("\"merchants\": [{\"name\": \"m\", "
                        + "\"volumeShare\": 1, \"methodMix\": {\"UPI\": -1, \"CARD\": 2}, \"avgAmount\": 5}]"),
                        "merchants[0].methodMix.UPI", "out of range"),
                Arguments.of("method shares sum to zero", scenario("\"merchants\": [{\"name\": \"m\", "
                        + "\"volumeShare\": 1, \"methodMix\": {\"UPI\": 0}, \"avgAmount\": 5}]"),
                        "merchants[0].methodMix", "add up to 0"),
                Arguments.of("average amount zero", scenario("\"merchants\": [{\"name\": \"m\", "
                        + "\"volumeShare\": 1, \"methodMix\": {\"UPI\": 1}, \"avgAmount\": 0}]"),
                        "merchants[0].avgAmount", "out of range"),
                Arguments.of("bad currency", scenario("\"merchants\": [" + merchant("\"currency\": \"inr\"") + "]"),
                        "merchants[0].currency", "3-letter upper-case"),
                Arguments.of("duplicate merchant names", scenario("\"merchants\": [" + merchant("") + ", "
                        + merchant("") + "]"), "merchants[1].name", "already used"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFields")
    void badFieldIsRejectedNamingSourceAndField(String caseName, String json, String fieldPath, String expected)
            throws IOException {
        BadInputException e = rejectFile(json);
        assertTrue(e.getMessage().contains(": " + fieldPath + ": "), "field path missing: " + e.getMessage());
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }
}
