package io.payops.engine;

import io.payops.domain.Lesson;

import java.util.ArrayList;
import java.util.List;

/**
 * Picks the lessons a session learns out of its frames. A frame carries the newest lessons first, in a bounded
 * recent list that repeats from frame to frame; those ahead of the newest one seen before are new. One thread only.
 */
final class NewLessons {
    private Lesson newest;

    /** @param earlier the lessons the session started from, oldest first: none of them is new */
    NewLessons(List<Lesson> earlier) {
        newest = earlier.isEmpty() ? null : earlier.get(earlier.size() - 1);
    }

    /** The lessons in {@code recent} (newest first) not seen before, oldest first. */
    List<Lesson> in(List<Lesson> recent) {
        if (recent.isEmpty() || recent.get(0).equals(newest)) {
            return List.of();
        }
        int known = newest == null ? -1 : recent.indexOf(newest);
        int end = known < 0 ? recent.size() : known;
        List<Lesson> fresh = new ArrayList<>(end);
        for (int i = end - 1; i >= 0; i--) {
            fresh.add(recent.get(i));
        }
        newest = recent.get(0);
        return fresh;
    }
}
