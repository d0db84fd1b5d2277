package io.payops.ui.fx;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code mvn -Pscreenshots} runs only tests tagged {@link Screenshots#TAG} or {@link Screenshots#TAKES}: a test class
 * that takes pictures without either tag would silently drop its pictures from target/screenshots. (A class-level
 * tag covers every method; a method-level one only its own.)
 */
class ScreenshotTagsTest {
    private static final Path TESTS = Path.of("src/test/java");

    @Test
    void everyTestClassThatTakesPicturesIsTagged() throws IOException {
        List<String> untagged;
        int taking;
        try (Stream<Path> files = Files.walk(TESTS)) {
            List<Path> takers = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.getFileName().toString().equals("Screenshots.java"))
                    .filter(p -> read(p).contains("Screenshots.write("))
                    .toList();
            taking = takers.size();
            untagged = takers.stream()
                    .filter(p -> !read(p).contains("@Tag(Screenshots.TAKES)") && !read(p).contains("@Tag(Screenshots.TAG)"))
                    .map(p -> TESTS.relativize(p).toString()).toList();
        }
        assertTrue(taking >= 13, "found the classes that take pictures: " + taking);
        assertEquals(List.of(), untagged, "take pictures but carry neither screenshot tag");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
