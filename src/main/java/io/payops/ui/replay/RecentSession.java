package io.payops.ui.replay;

import java.nio.file.Path;
import java.util.Locale;

/** A recorded session found under {@code <state>/sessions}, as the "Recent sessions" menu lists it. */
public record RecentSession(Path dir, String id, String startedAt, String scenario, String status, long frames) {
    /** "2026-11-21 10:00 · stripe-outage · 600 frames · complete". */
    public String label() {
        String when = startedAt == null ? id : startedAt.replace('T', ' ');
        if (when.length() > 16 && when.charAt(4) == '-') {
            when = when.substring(0, 16); // to the minute
        }
        return String.format(Locale.ROOT, "%s · %s · %d frames · %s", when, scenario, frames, status);
    }
}
