package io.payops.foreign;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The foreign generator writes what its ground truth says: every shape, read back by a reader of this test's own
 * (written from the dialects' descriptions, not from the generator's code), gives the same line and success counts,
 * and the standing issuer's rates; the same seed writes the same bytes.
 */
class NoisyForeignLogTest {
    /** Three worlds: 6 issuers with 3 faults, an issuer fault plus a gateway storm, 4 issuers with an issuer storm. */
    private static final long[] SEEDS = {3, 24, 424242};
    private static final Map<Long, NoisyLog> LOGS = new HashMap<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() {
        for (long seed : SEEDS) {
            LOGS.put(seed, NoisyForeignGenerator.generate(seed, true));
        }
    }

    /** What this test knows of each dialect: where the time, outcome, latency, gateway and issuer are. */
    private record Spec(String ts, Pattern tsForm, String status, Set<String> successWords, String errorKey,
                        Set<String> failureWords, String latency, String gateway, String issuer) {
    }

    private static final Map<ForeignShape, Spec> SPECS = new EnumMap<>(ForeignShape.class);

    static {
        SPECS.put(ForeignShape.PY_JSONL_EPOCH, new Spec("timestamp", Pattern.compile("\\d{10}\\.\\d{1,6}"), "status",
                Set.of("success"), "error_code", Set.of("issuer_unavailable", "network_timeout", "rate_limited",
                "invalid_card", "insufficient_funds", "gateway_error", "connection_reset", "do_not_honor", "unknown"),
                "latency_ms", "psp", "issuer_bank"));
        SPECS.put(ForeignShape.CSV_SPACE_ISO, new Spec("created_at",
                Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}"), "outcome", Set.of("Success"),
                "decline_code", Set.of("TIMEOUT", "GATEWAY_ERROR", "AUTH_FAILURE", "INSUFFICIENT_FUNDS",
                "ISSUER_UNAVAILABLE", "PAYMENT_FAILED", "NETWORK_ERROR"), "response_time_ms", "processor", "bank"));
        SPECS.put(ForeignShape.JSONL_BOOLEAN, new Spec("event_time",
                Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}"), "success", Set.of("true"),
                "errorCode", Set.of("TIMEOUT", "AUTH_FAILURE", "PAYMENT_FAILED", "issuer_unavailable", "rate_limited"),
                "duration_ms", "acquirer", "issuer"));
        SPECS.put(ForeignShape.CSV_NEEDS_MAP, new Spec("t_ms", Pattern.compile("\\d{13}"), "res", Set.of("A00"), null,
                Set.of("E10", "E20", "E30", "E40", "D51", "D05", "E99"), "rt", "route", "bin_bank"));
        SPECS.put(ForeignShape.JSONL_NEEDS_MAPPING_FILE, new Spec("when",
                Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+05:30"), "st", Set.of("OK"), null,
                Set.of("KO_ISSUER", "KO_PG", "KO_TIMEOUT", "KO_NET", "KO_FUNDS", "KO_DECLINE"), "ms", "pg", "iss"));
        SPECS.put(ForeignShape.CSV_ROUTE_AS_BANK, new Spec("timestamp",
                Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?"), "status", Set.of("Success"),
                "error_code", Set.of("TIMEOUT", "GATEWAY_ERROR", "AUTH_FAILURE", "INSUFFICIENT_FUNDS"), "latency_ms",
                "bank", null));
    }

    /** What the test's reader made of a file. */
    private record Read(int lines, int successes, Map<String, int[]> byIssuer, Set<String> words, String firstTs) {
    }

    @Test
    void everyShapeWritesTheGroundTruth() throws IOException {
        for (long seed : SEEDS) {
            NoisyLog log = LOGS.get(seed);
            StandingCondition standing = log.standing().orElseThrow();
            for (ForeignShape shape : ForeignShape.values()) {
                Path file = dir.resolve(seed + "-" + shape + shape.extension());
                NoisyForeignGenerator.write(log, shape, file);
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                String where = "seed " + seed + " " + shape;
                assertEquals(log.attemptCount() + (shape.csv() ? 1 : 0), lines.size(), where + ": line count");
                Read r = read(shape, lines, where);
                assertEquals(log.attemptCount(), r.lines(), where);
                assertEquals(log.successCount(), r.successes(), where + ": successes");
                if (shape == ForeignShape.CSV_NEEDS_MAP) {
                    assertEquals(Long.toString(log.startEpochMillis()), r.firstTs(), where + ": the first line at second 0");
                }
                assertTrue(SPECS.get(shape).failureWords().containsAll(r.words()), where + ": words " + r.words());
                if (SPECS.get(shape).issuer() != null) {
                    int[] own = r.byIssuer().get(standing.value());
                    int[] rest = {0, 0};
                    r.byIssuer().forEach((k, v) -> {
                        if (!k.equals(standing.value())) {
                            rest[0] += v[0];
                            rest[1] += v[1];
                        }
                    });
                    assertEquals(standing.successRate(), (double) own[1] / own[0], 1e-12, where);
                    assertEquals(standing.siblingsSuccessRate(), (double) rest[1] / rest[0], 1e-12, where);
                }
            }
            // the numbers a standing condition is meant to have, whatever the seed
            assertEquals(0.54, standing.successRate(), 0.035, "seed " + seed + " " + standing);
            assertEquals(0.84, standing.siblingsSuccessRate(), 0.035, "seed " + seed + " " + standing);
        }
    }

    private static Read read(ForeignShape shape, List<String> lines, String where) {
        Spec spec = SPECS.get(shape);
        String[] header = shape.csv() ? lines.get(0).split(",", -1) : null;
        int n = 0;
        int ok = 0;
        Map<String, int[]> byIssuer = new HashMap<>();
        Set<String> words = new HashSet<>();
        String firstTs = null;
        for (int i = shape.csv() ? 1 : 0; i < lines.size(); i++) {
            Map<String, String> f = shape.csv() ? csv(header, lines.get(i)) : json(lines.get(i));
            String at = where + " line " + (i + 1) + ": " + lines.get(i);
            for (String required : new String[] {spec.ts(), spec.status(), spec.latency(), spec.gateway()}) {
                String v = f.get(required);
                assertTrue(v != null && !v.isEmpty(), at + ": no " + required);
            }
            assertTrue(spec.tsForm().matcher(f.get(spec.ts())).matches(), at);
            Double.parseDouble(f.get(spec.latency()));
            firstTs = firstTs == null ? f.get(spec.ts()) : firstTs;
            boolean success = spec.successWords().contains(f.get(spec.status()));
            String word = spec.errorKey() == null ? f.get(spec.status()) : f.get(spec.errorKey());
            if (success) {
                assertTrue(word == null || word.isEmpty() || spec.errorKey() == null, at);
            } else {
                assertTrue(word != null && !word.isEmpty(), at + ": a failure without its word");
                words.add(word);
            }
            n++;
            ok += success ? 1 : 0;
            if (spec.issuer() != null) {
                int[] c = byIssuer.computeIfAbsent(f.get(spec.issuer()), k -> new int[2]);
                c[0]++;
                c[1] += success ? 1 : 0;
            }
        }
        return new Read(n, ok, byIssuer, words, firstTs);
    }

    private static Map<String, String> csv(String[] header, String line) {
        String[] cells = line.split(",", -1);
        assertEquals(header.length, cells.length, line);
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            m.put(header[i], cells[i]);
        }
        return m;
    }

    /** Flat JSON objects of strings (no escapes), numbers and booleans: all these dialects write. */
    private static Map<String, String> json(String line) {
        assertTrue(line.startsWith("{") && line.endsWith("}"), line);
        Map<String, String> m = new HashMap<>();
        int i = 1;
        while (i < line.length() - 1) {
            int k0 = line.indexOf('"', i) + 1;
            int k1 = line.indexOf('"', k0);
            int v = line.indexOf(':', k1) + 1;
            while (line.charAt(v) == ' ') {
                v++;
            }
            int end;
            if (line.charAt(v) == '"') {
                end = line.indexOf('"', v + 1);
                m.put(line.substring(k0, k1), line.substring(v + 1, end));
                end++;
            } else {
                end = v;
                while (line.charAt(end) != ',' && line.charAt(end) != '}') {
                    end++;
                }
                m.put(line.substring(k0, k1), line.substring(v, end));
            }
            i = end + 1;
        }
        return m;
    }

    @Test
    void theSameSeedWritesTheSameBytes() throws IOException {
        for (long seed : SEEDS) {
            NoisyLog again = NoisyForeignGenerator.generate(seed, true);
            assertEquals(LOGS.get(seed), again, "seed " + seed + ": the same attempts and ground truth");
        }
        // and the same log the same bytes, in every shape (one seed: writing is the same code for all)
        NoisyLog again = NoisyForeignGenerator.generate(SEEDS[0], true);
        for (ForeignShape shape : ForeignShape.values()) {
            Path a = dir.resolve("a" + shape.extension());
            Path b = dir.resolve("b" + shape.extension());
            NoisyForeignGenerator.write(LOGS.get(SEEDS[0]), shape, a);
            NoisyForeignGenerator.write(again, shape, b);
            assertEquals(-1, Files.mismatch(a, b), shape.name());
        }
    }

    @Test
    void gzipIsTheSameTextAndTheSameBytes() throws IOException {
        NoisyLog log = LOGS.get(SEEDS[0]);
        Path plain = dir.resolve("p.csv");
        Path gz1 = dir.resolve("1.csv.gz");
        Path gz2 = dir.resolve("2.csv.gz");
        NoisyForeignGenerator.write(log, ForeignShape.CSV_ROUTE_AS_BANK, plain);
        NoisyForeignGenerator.write(log, ForeignShape.CSV_ROUTE_AS_BANK, gz1);
        NoisyForeignGenerator.write(log, ForeignShape.CSV_ROUTE_AS_BANK, gz2);
        assertEquals(-1, Files.mismatch(gz1, gz2));
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz1))) {
            assertArrayEquals(Files.readAllBytes(plain), in.readAllBytes());
        }
    }

    @Test
    void theGroundTruthKeepsItsPromises() {
        for (long seed : SEEDS) {
            NoisyLog log = LOGS.get(seed);
            String where = "seed " + seed;
            assertTrue(log.durationSeconds() >= 1800 && log.durationSeconds() <= 2700, where);
            assertTrue(log.attemptCount() <= 80_000 && log.attemptCount() == log.lines().size(), where);
            assertEquals(log.startEpochMillis(), log.lines().get(0).tsMillis(), where + ": the first line is second 0");
            assertTrue(log.lines().get(log.lines().size() - 1).tsMillis() < log.startEpochMillis()
                    + log.durationSeconds() * 1000L, where);
            assertTrue(log.faults().size() >= 1 && log.faults().size() <= 3, where);
            long previousEnd = Long.MIN_VALUE / 2;
            for (InjectedFault f : log.faults()) {
                long len = f.endSecond() - f.startSecond();
                assertTrue(f.startSecond() >= 480 && len >= 180 && len <= 480, where + " " + f);
                assertTrue(f.startSecond() - previousEnd >= 180, where + ": faults 3 minutes apart " + f);
                assertTrue(f.endSecond() <= log.durationSeconds(), where + " " + f);
                assertTrue(Set.of("issuer_degradation", "gateway_outage", "latency_spike", "retry_storm",
                        "network_errors").contains(f.type()), f.type());
                assertFalse(f.value().equals(log.standing().orElseThrow().value()), where + ": faults avoid it " + f);
                assertVisible(log, f, where);
                previousEnd = f.endSecond();
            }
            assertFalse(log.noise().isEmpty(), where);
            assertTrue(log.noise().get(0).startSecond() < 60, where + ": noisy from the start");
            assertNotNull(log.describe());
        }
    }

    /** A fault shows on its target: success falls by 8 points or more, or (a latency spike) the median doubles. */
    private static void assertVisible(NoisyLog log, InjectedFault f, String where) {
        int[] n = new int[2];
        int[] ok = new int[2];
        List<List<Double>> latency = List.of(new ArrayList<>(), new ArrayList<>());
        for (Attempt a : log.lines()) {
            if (!f.value().equals(log.nameOf(a, f.dimension()))) {
                continue;
            }
            long s = (a.tsMillis() - log.startEpochMillis()) / 1000;
            int k = s >= f.startSecond() && s < f.endSecond() ? 0 : 1;
            n[k]++;
            ok[k] += a.outcome().success() ? 1 : 0;
            latency.get(k).add(a.latencyMs());
        }
        if (f.type().equals("latency_spike")) {
            latency.forEach(l -> l.sort(null));
            double inside = latency.get(0).get(n[0] / 2);
            double outside = latency.get(1).get(n[1] / 2);
            assertTrue(inside > 2 * outside, where + " " + f + ": median " + inside + " against " + outside);
        } else {
            double inside = (double) ok[0] / n[0];
            double outside = (double) ok[1] / n[1];
            assertTrue(inside < outside - 0.08, where + " " + f + ": success " + inside + " against " + outside);
        }
    }

    @Test
    void aboutHalfTheSeedsHaveAStandingConditionOfTheirOwn() {
        int standing = 0;
        for (long seed = 1; seed <= 60; seed++) {
            Plan own = Planner.plan(seed, false);
            Plan forced = Planner.plan(seed, true);
            standing += own.standingIssuer() >= 0 ? 1 : 0;
            assertTrue(forced.standingIssuer() >= 0);
            // forcing changes nothing else about the world
            assertEquals(own.faults(), forced.faults());
            assertEquals(own.world(), forced.world());
        }
        assertTrue(standing >= 18 && standing <= 42, "standing in " + standing + " of 60");
    }

    @Test
    void theMappingsNameWhatTheShapesWrite() {
        List<String> args = ForeignShape.CSV_NEEDS_MAP.mapArgs();
        List<String> statusMapped = new ArrayList<>();
        for (int i = 0; i < args.size(); i += 2) {
            if (args.get(i).equals("--status-map")) {
                statusMapped.add(args.get(i + 1).split("=")[0]);
            }
        }
        Set<String> codes = new HashSet<>(SPECS.get(ForeignShape.CSV_NEEDS_MAP).failureWords());
        codes.add("A00");
        codes.removeAll(statusMapped);
        assertEquals(Set.of("E99"), codes, "only E99 is left unmapped");
        assertEquals(List.of("--map", "gateway=bank"), ForeignShape.CSV_ROUTE_AS_BANK.mapArgs());

        String mapping = ForeignShape.JSONL_NEEDS_MAPPING_FILE.mappingJson();
        for (String st : SPECS.get(ForeignShape.JSONL_NEEDS_MAPPING_FILE).failureWords()) {
            assertTrue(mapping.contains("\"" + st + "\": "), st);
        }
        for (String key : List.of("when", "pg", "iss", "nw", "mode", "shop", "st", "ms")) {
            assertTrue(mapping.contains(": \"" + key + "\""), key);
        }
        for (ForeignShape s : ForeignShape.values()) {
            if (s != ForeignShape.JSONL_NEEDS_MAPPING_FILE) {
                assertEquals(null, s.mappingJson(), s.name());
            }
        }
    }
}
