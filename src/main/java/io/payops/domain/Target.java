package io.payops.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A set of dimension values, e.g. {gateway: razorpay, issuer: SBI}. An empty target means all traffic.
 * Serialised as a plain JSON object keyed by dimension keys, in dimension order so output is stable.
 */
public final class Target implements Comparable<Target> {
    public static final Target ALL = new Target(new EnumMap<>(Dimension.class));

    private final Map<Dimension, String> values;
    // immutable, and used as map keys and sort keys on every agent cycle: computed once
    private final int hash;
    private final String text;

    private Target(EnumMap<Dimension, String> values) {
        this.values = Collections.unmodifiableMap(values);
        this.hash = values.hashCode();
        this.text = values.isEmpty() ? "all traffic" : values.entrySet().stream()
                .map(e -> e.getKey().key() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    public static Target of(Map<Dimension, String> values) {
        EnumMap<Dimension, String> copy = new EnumMap<>(Dimension.class);
        values.forEach((d, v) -> copy.put(Objects.requireNonNull(d), Objects.requireNonNull(v)));
        return copy.isEmpty() ? ALL : new Target(copy);
    }

    public static Target of(Dimension d, String v) {
        return of(Map.of(d, v));
    }

    public static Target of(Dimension d1, String v1, Dimension d2, String v2) {
        return of(Map.of(d1, v1, d2, v2));
    }

    public static Target gateway(String gateway) {
        return of(Dimension.GATEWAY, gateway);
    }

    /** Reads {"gateway": "stripe", ...}; an unknown key is an error the caller reports with the field path. */
    @JsonCreator
    public static Target fromJson(Map<String, String> json) {
        EnumMap<Dimension, String> map = new EnumMap<>(Dimension.class);
        if (json != null) {
            for (Map.Entry<String, String> e : json.entrySet()) {
                Dimension d = Dimension.fromKey(e.getKey());
                if (d == null) {
                    throw new IllegalArgumentException("unknown target key '" + e.getKey()
                            + "' (expected one of gateway, issuer, network, method, merchant)");
                }
                if (e.getValue() == null || e.getValue().isBlank()) {
                    throw new IllegalArgumentException("target key '" + e.getKey() + "' has no value");
                }
                map.put(d, e.getValue());
            }
        }
        return map.isEmpty() ? ALL : new Target(map);
    }

    @JsonValue
    public Map<String, String> toJson() {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((d, v) -> out.put(d.key(), v));
        return out;
    }

    public Map<Dimension, String> values() {
        return values;
    }

    public String get(Dimension d) {
        return values.get(d);
    }

    public boolean has(Dimension d) {
        return values.containsKey(d);
    }

    public boolean isAll() {
        return values.isEmpty();
    }

    public int size() {
        return values.size();
    }

    /** Whether one attempt with these attributes falls inside this target. */
    public boolean matches(String gateway, String issuer, String network, String method, String merchant) {
        for (Map.Entry<Dimension, String> e : values.entrySet()) {
            String actual = switch (e.getKey()) {
                case GATEWAY -> gateway;
                case ISSUER -> issuer;
                case NETWORK -> network;
                case METHOD -> method;
                case MERCHANT -> merchant;
            };
            if (!e.getValue().equals(actual)) {
                return false;
            }
        }
        return true;
    }

    /** True when some traffic could be in both targets (no dimension fixed to two different values). */
    public boolean overlaps(Target other) {
        for (Map.Entry<Dimension, String> e : values.entrySet()) {
            String o = other.values.get(e.getKey());
            if (o != null && !o.equals(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** True when every attempt in {@code this} is also in {@code other} (other is the same or broader). */
    public boolean within(Target other) {
        for (Map.Entry<Dimension, String> e : other.values.entrySet()) {
            if (!e.getValue().equals(values.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** A copy without one dimension, e.g. {gateway, issuer} → {issuer}. */
    public Target without(Dimension d) {
        EnumMap<Dimension, String> copy = new EnumMap<>(Dimension.class);
        copy.putAll(values);
        copy.remove(d);
        return copy.isEmpty() ? ALL : new Target(copy);
    }

    public Target with(Dimension d, String v) {
        EnumMap<Dimension, String> copy = new EnumMap<>(Dimension.class);
        copy.putAll(values);
        copy.put(d, v);
        return new Target(copy);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Target t && hash == t.hash && values.equals(t.values);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public int compareTo(Target o) {
        return toString().compareTo(o.toString());
    }

    /** Readable form: "all traffic" or "gateway=razorpay issuer=SBI". */
    @Override
    public String toString() {
        return text;
    }
}
