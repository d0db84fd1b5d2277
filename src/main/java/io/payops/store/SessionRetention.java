package io.payops.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Keeps recorded sessions within bounds: at most {@code keepSessions} folders and {@code keepBytes} bytes in all.
 * Session ids start with their UTC start time, so the oldest sort first; the oldest go first.
 */
public record SessionRetention(int keepSessions, long keepBytes) {
    public static final SessionRetention DEFAULT = new SessionRetention(20, 2048L * 1024 * 1024);

    public SessionRetention {
        if (keepSessions < 1 || keepSessions > 100_000) {
            throw new IllegalArgumentException("keep-sessions must be from 1 to 100000, was " + keepSessions);
        }
        if (keepBytes < 1024 * 1024) {
            throw new IllegalArgumentException("keep-mb must be at least 1, was " + keepBytes / (1024 * 1024));
        }
    }

    /**
     * Deletes the oldest sessions other than {@code current} until the others number fewer than keepSessions and
     * they plus {@code currentBytes} fit keepBytes.
     *
     * @return the folders deleted
     */
    public List<Path> prune(Path sessionsDir, String current, long currentBytes) throws IOException {
        List<Path> others = new ArrayList<>();
        if (!Files.isDirectory(sessionsDir)) {
            return List.of();
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(sessionsDir, Files::isDirectory)) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                // a hidden folder is one being made; the writer that takes the folder next removes a leftover
                if (!name.equals(current) && !name.startsWith(".")) {
                    others.add(p);
                }
            }
        }
        others.sort(Comparator.comparing(p -> p.getFileName().toString()));
        List<Long> sizes = new ArrayList<>();
        long total = currentBytes;
        for (Path p : others) {
            long b = size(p);
            sizes.add(b);
            total += b;
        }
        List<Path> deleted = new ArrayList<>();
        int i = 0;
        while (i < others.size() && (others.size() - i >= keepSessions || total > keepBytes)) {
            deleteTree(others.get(i));
            total -= sizes.get(i);
            deleted.add(others.get(i));
            i++;
        }
        return deleted;
    }

    static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }

    /** Deletes a folder and everything in it, deepest first. */
    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
