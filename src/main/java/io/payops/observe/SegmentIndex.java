package io.payops.observe;

import io.payops.domain.Attempt;
import io.payops.domain.Dimension;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the segments an attempt belongs to: all traffic, one per dimension it has a value for, and its
 * gateway × issuer, gateway × method and gateway × network paths. Values are interned per dimension; a value or a path seen for the
 * first time gets its segment then (event logs may bring values the simulator never had). A missing or empty
 * value leaves the attempt out of that dimension's segments (event logs need not have every dimension).
 */
final class SegmentIndex {
    /** All traffic, five single dimensions and three paths. */
    static final int MAX_SEGMENTS_PER_ATTEMPT = 9;
    /**
     * Distinct values kept per dimension. Each costs a segment kept for good, so a log with a merchant id per customer
     * would grow without end; values past the limit share the segment {@link #OTHER}.
     */
    public static final int MAX_VALUES_PER_DIMENSION = 1000;
    /**
     * Paths (gateway × issuer, × method, × network) kept per kind. Each dimension alone is bounded, but their
     * product is not: 1,000 gateways × 1,000 issuers would be a million segments of ~19 KB each (the window's
     * per-second counts and latency histogram, the baseline's slots), some 19 GB. Real logs have tens of gateways
     * and at most a few hundred issuers per gateway, so 1,000 paths per kind keeps every path of a real log; paths
     * past it (first come, first kept) share the one path segment {@link #OTHER} × {@link #OTHER}, counted.
     */
    public static final int MAX_PATHS_PER_KIND = 1000;
    /**
     * Segments kept in all, whatever their kind: what sets the heap a log needs. A segment costs about 60 KB once
     * it has traffic (here its window and baseline; in the agent its detector state and evidence), so 2,000 of them
     * are about 120 MB: enough for every segment of a real log (tens of gateways, a few hundred issuers, their
     * paths), while a hostile log of a million distinct gateways and issuers runs in a fixed heap. Past it, a new
     * value or path is folded into its kind's {@link #OTHER} segment, which is always kept.
     */
    public static final int MAX_SEGMENTS = 2000;
    public static final String OTHER = "(other)";
    private static final int DIMENSIONS = Dimension.values().length;
    private static final int GATEWAY = Dimension.GATEWAY.ordinal();
    private static final int ISSUER = Dimension.ISSUER.ordinal();
    private static final int NETWORK = Dimension.NETWORK.ordinal();
    private static final int METHOD = Dimension.METHOD.ordinal();
    private static final int MERCHANT = Dimension.MERCHANT.ordinal();

    private final int windowSeconds;
    private final int baselineSlots;
    private final SegmentWindow total;
    private final DimensionValues[] values = new DimensionValues[DIMENSIONS];
    /** singles[dimension][value id]. */
    private final SegmentWindow[][] singles = new SegmentWindow[DIMENSIONS][];
    private final PairTable gatewayIssuer = new PairTable();
    private final PairTable gatewayMethod = new PairTable();
    private final PairTable gatewayNetwork = new PairTable();
    /** Every segment including all traffic, for rotation. */
    private final List<SegmentWindow> all = new ArrayList<>();
    /** Every segment except all traffic, in snapshot order; rebuilt only after segments were added. */
    private SegmentWindow[] sorted = new SegmentWindow[0];
    private boolean sortedStale;
    /** Attempts with a value or a path folded into {@link #OTHER}. */
    private long folded;
    private boolean foldedHere;

    SegmentIndex(int windowSeconds, int baselineSlots) {
        this.windowSeconds = windowSeconds;
        this.baselineSlots = baselineSlots;
        this.total = new SegmentWindow(SegmentKind.ALL, null, null, windowSeconds, baselineSlots);
        all.add(total);
        for (int d = 0; d < DIMENSIONS; d++) {
            values[d] = new DimensionValues();
            singles[d] = new SegmentWindow[8];
        }
    }

    /** Fills {@code out} with the attempt's segments (all traffic first) and returns how many there are. */
    int resolve(Attempt a, SegmentWindow[] out) {
        foldedHere = false;
        out[0] = total;
        int n = 1;
        int gateway = valueId(GATEWAY, a.gateway());
        int issuer = valueId(ISSUER, a.issuer());
        int network = valueId(NETWORK, a.network());
        int method = valueId(METHOD, a.method());
        int merchant = valueId(MERCHANT, a.merchant());
        if (gateway >= 0) {
            out[n++] = singles[GATEWAY][gateway];
        }
        if (issuer >= 0) {
            out[n++] = singles[ISSUER][issuer];
        }
        if (network >= 0) {
            out[n++] = singles[NETWORK][network];
        }
        if (method >= 0) {
            out[n++] = singles[METHOD][method];
        }
        if (merchant >= 0) {
            out[n++] = singles[MERCHANT][merchant];
        }
        if (gateway >= 0 && issuer >= 0) {
            out[n++] = pair(gatewayIssuer, SegmentKind.GATEWAY_ISSUER, ISSUER, gateway, issuer);
        }
        if (gateway >= 0 && method >= 0) {
            out[n++] = pair(gatewayMethod, SegmentKind.GATEWAY_METHOD, METHOD, gateway, method);
        }
        if (gateway >= 0 && network >= 0) {
            out[n++] = pair(gatewayNetwork, SegmentKind.GATEWAY_NETWORK, NETWORK, gateway, network);
        }
        if (foldedHere) {
            folded++;
        }
        return n;
    }

    /** The value's id, interning it (and adding its segment) when new; -1 when the attempt has no value. */
    private int valueId(int dimension, String value) {
        DimensionValues dv = values[dimension];
        int id = dv.idOf(value);
        if (id < 0) {
            if (value == null || value.isEmpty()) {
                return -1;
            }
            if (dv.size() >= MAX_VALUES_PER_DIMENSION || all.size() >= MAX_SEGMENTS) {
                foldedHere = true;
                int other = dv.idOf(OTHER);
                if (other >= 0) {
                    return other;
                }
                value = OTHER;
            }
            id = dv.add(value);
            if (id == singles[dimension].length) {
                singles[dimension] = Arrays.copyOf(singles[dimension], id * 2);
            }
            singles[dimension][id] = add(new SegmentWindow(SegmentKind.of(Dimension.values()[dimension]), value,
                    null, windowSeconds, baselineSlots));
        }
        return id;
    }

    private SegmentWindow pair(PairTable table, SegmentKind kind, int other, int gateway, int otherId) {
        SegmentWindow s = table.get(gateway, otherId);
        if (s == null && (table.size() >= MAX_PATHS_PER_KIND || all.size() >= MAX_SEGMENTS)) {
            // decided before a segment is allocated: the bound is what keeps a hostile log's memory flat
            foldedHere = true;
            if (table.folded == null) {
                table.folded = add(new SegmentWindow(kind, OTHER, OTHER, windowSeconds, baselineSlots));
            }
            return table.folded;
        }
        if (s == null) {
            s = add(new SegmentWindow(kind, values[GATEWAY].name(gateway), values[other].name(otherId),
                    windowSeconds, baselineSlots));
            table.put(gateway, otherId, s);
        }
        return s;
    }

    private SegmentWindow add(SegmentWindow s) {
        all.add(s);
        sortedStale = true;
        return s;
    }

    /** Attempts whose value or path went to {@link #OTHER} because its dimension or path kind was full. */
    long folded() {
        return folded;
    }

    SegmentWindow total() {
        return total;
    }

    /** Every segment including all traffic (a live view: do not record while iterating it). */
    List<SegmentWindow> all() {
        return all;
    }

    /** Every segment but all traffic, in snapshot order. */
    SegmentWindow[] sorted() {
        if (sortedStale) {
            sorted = all.subList(1, all.size()).toArray(new SegmentWindow[0]);
            Arrays.sort(sorted, SegmentWindow.ORDER);
            sortedStale = false;
        }
        return sorted;
    }
}
