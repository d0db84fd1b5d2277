package io.payops.connect.alertmanager;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One alert as Alertmanager's API v2 takes it (a {@code postableAlert}): its labels are its identity (Alertmanager
 * fingerprints them), so every post of the same trouble carries the same labels; annotations may change (a resolved
 * alert says how it ended). {@code endsAt} is null while it fires: Alertmanager then keeps it active for its
 * {@code resolve_timeout} after each post, which is why firing alerts are re-posted (see {@link AlertSender}).
 *
 * @param key          our name for the trouble it stands for ("incident-1", "approval-3"), to match a resolution to
 *                     its alert and never put the same alert twice in one post
 * @param startsAt     wall-clock time it was first seen (Alertmanager works in wall-clock time)
 * @param endsAt       wall-clock time it ended, or null while it fires
 * @param generatorUrl where it came from: the session and the simulated second ({@link AlertFactory#generatorUrl})
 */
public record PayOpsAlert(String key, Map<String, String> labels, Map<String, String> annotations, Instant startsAt,
                          Instant endsAt, String generatorUrl) {

    public PayOpsAlert {
        Objects.requireNonNull(key);
        Objects.requireNonNull(startsAt);
        // sorted: stable JSON and readable test failures
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        annotations = Collections.unmodifiableMap(new TreeMap<>(annotations));
    }

    public boolean firing() {
        return endsAt == null;
    }

    /** The same alert (same labels), ended at {@code at}, with what is known of how it ended added to its annotations. */
    public PayOpsAlert resolved(Instant at, Map<String, String> moreAnnotations) {
        Map<String, String> a = new TreeMap<>(annotations);
        a.putAll(moreAnnotations);
        // Alertmanager refuses an alert that ends before it starts (a wall clock stepped back meanwhile)
        return new PayOpsAlert(key, labels, a, startsAt, at.isBefore(startsAt) ? startsAt : at, generatorUrl);
    }

    /** The alert as the API's JSON object: labels, annotations, startsAt, endsAt (only once ended), generatorURL. */
    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("labels", labels);
        m.put("annotations", annotations);
        m.put("startsAt", startsAt.toString());
        if (endsAt != null) {
            m.put("endsAt", endsAt.toString());
        }
        m.put("generatorURL", generatorUrl);
        return m;
    }
}
