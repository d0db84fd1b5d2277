package io.payops.ui.fx;

import io.payops.domain.Frame;

import java.util.List;

/**
 * What one pulse of the {@link FramePump} hands to the views: the newest frame, and every frame published since the
 * last pulse, oldest first, so views that keep history (charts, the audit table, the cycle history) miss nothing
 * while views that show "now" read only {@code latest}. {@code dropped} counts frames left out because the FX thread
 * fell far behind (the list is bounded).
 */
public record FrameBatch(Frame latest, List<Frame> frames, int dropped) {
    public FrameBatch {
        frames = List.copyOf(frames);
        if (frames.isEmpty() || frames.get(frames.size() - 1) != latest) {
            throw new IllegalArgumentException("a batch ends with its latest frame");
        }
    }

    public static FrameBatch of(Frame frame) {
        return new FrameBatch(frame, List.of(frame), 0);
    }

    public static FrameBatch of(List<Frame> frames) {
        return new FrameBatch(frames.get(frames.size() - 1), frames, 0);
    }
}
