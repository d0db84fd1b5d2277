package io.payops.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the value cache holds on to stays bounded whatever the log's values are, and long values are cut once. */
class ValueCacheTest {
    @Test
    void distinctLongValuesAreCutCountedAndRetainNoMoreThanTheBound() {
        ValueCache cache = new ValueCache();
        char[] c = new char[56 * 1024];
        java.util.Arrays.fill(c, 'x');
        for (int i = 0; i < 20_000; i++) {
            String prefix = Integer.toString(i);
            prefix.getChars(0, prefix.length(), c, 0);
            String v = cache.name(c, 0, c.length);
            assertEquals(ValueCache.MAX_VALUE_CHARS, v.length());
        }
        assertEquals(20_000, cache.truncated());
        // the cache keeps at most 8,192 values of at most 64 characters: half a megabyte of chars, not a gigabyte
        assertTrue(cache.retainedChars() <= 8192L * 64, "retained " + cache.retainedChars() + " chars");
    }

    @Test
    void shortValuesAreInternedAndNotCounted() {
        ValueCache cache = new ValueCache();
        byte[] line = "stripe".getBytes(StandardCharsets.US_ASCII);
        String a = cache.nameAscii(line, 0, line.length);
        assertSame(a, cache.name("stripe".toCharArray(), 0, 6));
        assertEquals(0, cache.truncated());
        byte[] longLine = "y".repeat(1000).getBytes(StandardCharsets.US_ASCII);
        assertEquals("y".repeat(128), cache.nameAscii(longLine, 0, longLine.length));
        assertEquals(1, cache.truncated());
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        ValueCache cache = new ValueCache();
        String text = "a".repeat(127) + "\uD83D\uDE00" + "b".repeat(10);
        String v = cache.name(text.toCharArray(), 0, text.length());
        assertEquals("a".repeat(127), v);
    }
}
