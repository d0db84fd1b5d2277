package io.payops.sim;

import io.payops.common.Excerpt;
import io.payops.common.BadInputException;
import io.payops.common.BoundedInput;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Loads scenarios (DESIGN §5.2) from files, strings and the built-in set on the classpath
 * ({@code scenarios/index.txt} lists the names, {@code scenarios/<name>.json} holds each one).
 * Every problem is a {@link BadInputException} whose one-line message names the source, the field path and what
 * was expected, e.g. {@code scenario file 'bad.json': faults[0].severity: 1.5 is out of range (expected ...)}.
 */
public final class ScenarioLoader {
    /**
     * Scenario files larger than this are refused, counted while reading, rather than read into memory: the largest
     * sensible scenario (a world of hundreds of gateways and merchants, a few thousand faults) is well under 1 MB, and
     * the parser's tree for 4 MB of JSON still fits a small heap many times over.
     */
    static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

    /** How a scenario path is read where standard input is not offered (console, bench, ingest --world). */
    private static final BoundedInput FILE_INPUT = new BoundedInput("a scenario JSON file", MAX_FILE_BYTES, false);
    /** ... and where it is ({@code run --scenario -}): messages then offer {@code -}. */
    private static final BoundedInput FILE_OR_STDIN_INPUT = new BoundedInput("a scenario JSON file", MAX_FILE_BYTES, true);

    private static final String RESOURCE_DIR = "/scenarios/";
    private static final Pattern BUILT_IN_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Map<String, Scenario> BUILT_IN_CACHE = new ConcurrentHashMap<>();
    private static volatile List<String> builtInNames;

    private ScenarioLoader() {
    }

    /** Reads and validates a scenario file; messages name it as {@code scenario file '<path>'}. */
    public static Scenario fromFile(Path file) {
        return fromFile(file, FILE_INPUT);
    }

    private static Scenario fromFile(Path file, BoundedInput input) {
        String source = "scenario file '" + file + "'";
        return ScenarioParser.parse(input.readText(file, source), source);
    }

    /**
     * Validates scenario JSON held in memory. {@code sourceName} is used as-is to name the input in messages,
     * e.g. "chaos panel" or "scenario file 'x.json'".
     */
    public static Scenario fromString(String json, String sourceName) {
        String source = sourceName == null || sourceName.isBlank() ? "scenario" : sourceName;
        return ScenarioParser.parse(json == null ? "" : json, source);
    }

    /** One built-in scenario by name; an unknown name is bad input listing the names that exist. */
    public static Scenario builtIn(String name) {
        if (name == null || !builtInNames().contains(name)) {
            throw new BadInputException("built-in scenario '" + Excerpt.of(name) + "': no built-in scenario has that "
                    + "name (expected one of " + String.join(", ", builtInNames()) + ")");
        }
        return BUILT_IN_CACHE.computeIfAbsent(name, ScenarioLoader::loadBuiltIn);
    }

    /** The built-in scenario names, sorted. */
    public static List<String> builtInNames() {
        List<String> names = builtInNames;
        if (names == null) {
            names = readIndex();
            builtInNames = names;
        }
        return names;
    }

    /** Every built-in scenario, sorted by name. */
    public static List<Scenario> builtIns() {
        return builtInNames().stream().map(ScenarioLoader::builtIn).toList();
    }

    /**
     * What {@code --scenario NAME|FILE} means: a built-in name first, else a path to a scenario file. When it is
     * neither, the message names the value and lists the built-in names.
     */
    public static Scenario resolve(String nameOrFile) {
        return resolve(nameOrFile, null);
    }

    /**
     * As {@link #resolve(String)}, and {@code -} reads the scenario from {@code stdin} (at most
     * {@link #MAX_FILE_BYTES}); null where the command offers no standard input, which then refuses {@code -}.
     */
    public static Scenario resolve(String nameOrFile, InputStream stdin) {
        if (BoundedInput.STANDARD_INPUT.equals(nameOrFile)) {
            if (stdin == null) {
                throw new BadInputException("scenario '-': standard input is read only by run --scenario - (expected a "
                        + "built-in name or a path to a scenario JSON file here)");
            }
            String source = "scenario from standard input";
            return ScenarioParser.parse(FILE_OR_STDIN_INPUT.readText(stdin, source), source);
        }
        if (nameOrFile == null || nameOrFile.isBlank()) {
            throw new BadInputException("scenario: no scenario given (expected a built-in name, one of "
                    + String.join(", ", builtInNames()) + ", or a path to a scenario JSON file)");
        }
        if (builtInNames().contains(nameOrFile)) {
            return builtIn(nameOrFile);
        }
        Scenario random = randomWorld(nameOrFile);
        if (random != null) {
            return random;
        }
        Path path = null;
        try {
            path = Path.of(nameOrFile);
        } catch (InvalidPathException e) {
            // not a usable path: fall through to the "neither" message below
        }
        if (path != null && Files.exists(path)) {
            return fromFile(path, stdin == null ? FILE_INPUT : FILE_OR_STDIN_INPUT);
        }
        throw new BadInputException("scenario '" + Excerpt.of(nameOrFile) + "': not a built-in scenario and no file "
                + "exists at that path (expected a built-in name, one of " + String.join(", ", builtInNames())
                + ", random-<seed> for a random world, or a path to a scenario JSON file)");
    }

    /**
     * {@code random-<seed>}: the random world of that seed ({@link RandomScenarios}), so any world of a
     * {@code bench --random} table can be run and watched on its own. Null when the name is not of that form
     * (a file of that name, if one exists, is read instead).
     */
    private static Scenario randomWorld(String name) {
        if (!name.matches("random-[0-9]{1,18}") || Files.exists(Path.of(name))) {
            return null;
        }
        long seed = Long.parseLong(name.substring("random-".length()));
        if (seed > ScenarioBounds.MAX_SEED) {
            throw new BadInputException("scenario '" + name + "': the seed is out of range (expected random-<seed> "
                    + "with a seed that is " + ScenarioBounds.SEED.expected() + ")");
        }
        return RandomScenarios.generate(seed);
    }

    // ---- files ----

    // ---- built-ins ----

    private static Scenario loadBuiltIn(String name) {
        String source = "built-in scenario '" + name + "'";
        String text = readResource(name + ".json");
        Scenario s = ScenarioParser.parse(text, source);
        if (!s.name().equals(name)) {
            throw BadInputException.field(source, "name", "'" + s.name() + "' does not match the built-in's file "
                    + "name (expected \"" + name + "\")");
        }
        return s;
    }

    private static List<String> readIndex() {
        List<String> names = new ArrayList<>();
        for (String line : readResource("index.txt").split("\\R")) {
            String n = line.strip();
            if (n.isEmpty() || n.startsWith("#")) {
                continue;
            }
            if (!BUILT_IN_NAME.matcher(n).matches() || names.contains(n)) {
                throw new IllegalStateException("scenarios/index.txt: bad or repeated scenario name '" + n + "'");
            }
            names.add(n);
        }
        names.sort(null);
        return List.copyOf(names);
    }

    private static String readResource(String file) {
        try (InputStream in = ScenarioLoader.class.getResourceAsStream(RESOURCE_DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource scenarios/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read classpath resource scenarios/" + file, e);
        }
    }
}
