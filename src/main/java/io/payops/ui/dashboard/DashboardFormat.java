package io.payops.ui.dashboard;

import java.util.Locale;

/** How the dashboard writes numbers and simulated times: always Locale.ROOT, so tests and screenshots are stable. */
final class DashboardFormat {
    private DashboardFormat() {
    }

    /** 0.9491 → "94.9%". */
    static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }

    /** A difference of two rates in percentage points, signed: −16.7 → "−16.7 pts", 0.04 → "+0.0 pts". */
    static String points(double deltaPoints) {
        String sign = deltaPoints < 0 ? "\u2212" : "+";
        return String.format(Locale.ROOT, "%s%.1f pts", sign, Math.abs(deltaPoints));
    }

    /** 915.4 → "915 ms". */
    static String millis(double ms) {
        return String.format(Locale.ROOT, "%.0f ms", ms);
    }

    /** 47.71 → "47.7". */
    static String oneDecimal(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** 1.2105 → "1.21". */
    static String twoDecimals(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** Simulated seconds as a clock: 75 → "1:15", 3725 → "1:02:05"; negative values count as 0. */
    static String clock(double seconds) {
        long s = Math.max(0, (long) Math.floor(seconds));
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec)
                : String.format(Locale.ROOT, "%d:%02d", m, sec);
    }
}
