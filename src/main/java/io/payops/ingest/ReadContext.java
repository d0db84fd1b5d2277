package io.payops.ingest;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * What the parsers of one reader share: the interned values, the status vocabulary (with the user's words) and the
 * zone of zone-less times. A status word is read once and its reading cached, so the hot path only interns it.
 */
final class ReadContext {
    private static final int MAX_WORDS = 4096;
    /**
     * Only words this short are remembered: status words and codes are short, and 4,096 remembered words of a
     * hostile log's 64 KB each would hold 256 MB. A longer one is simply read again each time it comes.
     */
    private static final int MAX_WORD_CHARS = 64;

    final ValueCache values = new ValueCache();
    final ZoneId zone;
    private final StatusVocabulary vocabulary;
    private final Map<String, StatusVocabulary.Word> words = new HashMap<>();

    ReadContext(LogMapping mapping) {
        this.vocabulary = mapping.vocabulary();
        this.zone = mapping.zone().equals(ZoneOffset.UTC) ? null : mapping.zone();
    }

    StatusVocabulary.Word word(char[] c, int off, int len) {
        String s = values.get(c, off, len);
        StatusVocabulary.Word w = words.get(s);
        if (w == null) {
            w = vocabulary.read(s);
            if (words.size() < MAX_WORDS && s.length() <= MAX_WORD_CHARS) {
                words.put(s, w);
            }
        }
        return w;
    }
}
