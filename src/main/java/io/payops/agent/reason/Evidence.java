package io.payops.agent.reason;

import io.payops.domain.AnomalyKind;
import io.payops.domain.Snapshot;

import java.util.List;

/**
 * The counts the reasoner localizes on, per kind of trouble: every segment's counts over the trouble's own seconds
 * rather than a fixed window, so a low-volume fault's whole history counts and a sudden one is not diluted by the calm
 * before it. Where several alarms of one kind began at different moments, there is a window from the newest onset
 * (a fault that just began, not drowned in minutes of an older one) and one from the earliest (the older fault's
 * whole history).
 */
@FunctionalInterface
public interface Evidence {
    /** The windows to localize a kind of trouble on, the newest onset first; never empty. */
    List<Snapshot> windows(AnomalyKind kind);

    /**
     * The latest seconds alone (AgentConfig.Localization#recentSeconds), to tell a trouble that is over from one still
     * going on: the windows reach back to its onset and still hold it after it ended. Null when there is no history.
     */
    default Snapshot recent() {
        return null;
    }

    /** One snapshot's window for every kind (a single snapshot has no history to do better with). */
    static Evidence of(Snapshot snapshot) {
        List<Snapshot> one = List.of(snapshot);
        return kind -> one;
    }
}
