package io.payops;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** DESIGN §4: dependencies point inward; only io.payops.ui imports javafx, and the engine never imports the UI. */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/io/payops");
    private static final Pattern JAVAFX = Pattern.compile("(?m)^import\\s+(static\\s+)?javafx\\.");
    private static final Pattern UI = Pattern.compile("(?m)^import\\s+io\\.payops\\.ui\\.");

    private static List<String> offenders(Pattern pattern, List<String> allowedTopPackages) throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !allowedTopPackages.contains(MAIN.relativize(p).getName(0).toString()))
                    .filter(p -> {
                        try {
                            return pattern.matcher(Files.readString(p)).find();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(p -> MAIN.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void onlyTheUiPackageImportsJavafx() throws IOException {
        assertEquals(List.of(), offenders(JAVAFX, List.of("ui")));
    }

    @Test
    void nothingBelowTheUiImportsIt() throws IOException {
        // the command line opens the console, so cli and the entry point may name it; the engine and below may not
        assertEquals(List.of(), offenders(UI, List.of("ui", "cli", "PayOps.java")));
    }
}
