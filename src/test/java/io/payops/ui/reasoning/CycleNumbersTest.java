package io.payops.ui.reasoning;

import io.payops.domain.Frame;
import io.payops.ui.fx.TestFrames;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue #18 item 5: inside one cycle, the anomaly rows, the hypotheses' evidence and the explanation quote one number
 * per segment, measure and window, and every rate names its window, so the detector's "in the last 60 s" and the
 * reasoner's "in the last 10 s" (the seconds since the trouble began) read as two windows, not as a contradiction.
 * Every cycle of the first two minutes of three incidents (a gateway outage, a latency spike, a decline surge).
 */
class CycleNumbersTest {
    /** A rate with its measure, segment and window, as any of the three texts words it. */
    private static final List<Pattern> RATES = List.of(
            // anomaly rows and the explanation's "Seen": technical failures over the detector's window
            Pattern.compile("(?<measure>technical failures|customer declines) on (?<target>.+?): (?<value>[\\d.]+)% of "
                    + "attempts in the last (?<seconds>\\d+) s vs (?<expected>[\\d.]+)% expected"),
            // the hypothesis's first sentence: one status alone over its evidence window
            Pattern.compile("(?<measure>[A-Z_]+ alone|Customer declines) is (?<value>[\\d.]+)% of attempts on "
                    + "(?<target>.+?) in the last (?<seconds>\\d+) s against (?<expected>[\\d.]+)% expected"),
            // an alternative hypothesis on a wider or narrower segment
            Pattern.compile("Alternative: (?<measure>[A-Z_]+ alone|Customer declines) on (?<target>.+?), "
                    + "(?<value>[\\d.]+)% in the last (?<seconds>\\d+) s against (?<expected>[\\d.]+)% normally"));
    /** "On all traffic as a whole it is 12.4% in the last 10 s (normally 0.4%)": the measure of its hypothesis. */
    private static final Pattern CONTRAST = Pattern.compile("On (?<target>.+?) as a whole it is (?<value>[\\d.]+)% in "
            + "the last (?<seconds>\\d+) s \\(normally (?<expected>[\\d.]+)%\\)");
    private static final Pattern PERCENT = Pattern.compile("\\d+\\.\\d%");
    private static final Pattern WINDOW = Pattern.compile("in the last \\d+ s");

    @ParameterizedTest
    @ValueSource(strings = {"stripe-outage", "paypal-latency-spike", "user-decline-surge"})
    void oneCycleQuotesOneNumberPerSegmentMeasureAndWindow(String scenario) {
        List<Frame> frames = TestFrames.run(scenario, 7, 420);
        int checked = 0;
        for (Frame f : frames) {
            if (f.step() == null || f.step().cycle() == null || f.step().cycle().anomalies().isEmpty()) {
                continue;
            }
            CycleEntry entry = CycleText.entry(f.step().cycle(), f.snapshot().windowSeconds());
            CycleDetail d = CycleText.detail(entry);
            checkCycle(d, entry.windowSeconds());
            checked++;
        }
        assertTrue(checked > 10, "cycles with anomalies checked in " + scenario + ": " + checked);
    }

    private static void checkCycle(CycleDetail d, int window) {
        String where = d.time() + ": ";
        // the explanation's "Seen" quotes the first anomaly row's measure word for word
        CycleDetail.AnomalyLine first = d.anomalies().get(0);
        String measure = first.numbers().substring(0, first.numbers().indexOf(" · "));
        assertTrue(measure.contains("in the last " + window + " s"), where + first.numbers());
        String seen = d.explanation().stream().filter(s -> s.startsWith("Seen: ")).findFirst().orElseThrow();
        assertTrue(seen.endsWith(": " + measure + "."), where + seen + " | " + first.numbers());

        // every rate, in every text of the cycle, names its window
        List<String> texts = new ArrayList<>(d.explanation());
        for (CycleDetail.AnomalyLine a : d.anomalies()) {
            texts.add(a.title() + " " + a.numbers());
        }
        for (CycleDetail.HypothesisLine h : d.hypotheses()) {
            texts.addAll(h.evidence());
        }
        for (String t : texts) {
            if (PERCENT.matcher(t).find() && !t.startsWith("Rejected: ") && !t.startsWith("Guardrails: ")) {
                assertTrue(WINDOW.matcher(t).find(), where + "a rate with no window: " + t);
            }
        }

        // one number per (measure, segment, window): the same key never shows two values in one cycle
        Map<String, String> quoted = new HashMap<>();
        for (CycleDetail.AnomalyLine a : d.anomalies()) {
            String kind = a.title().substring(0, a.title().indexOf(" · "));
            String target = a.title().split(" · ")[1];
            record(quoted, where, kind + " on " + target + ": " + a.numbers());
        }
        for (String e : d.explanation()) {
            record(quoted, where, e);
        }
        for (CycleDetail.HypothesisLine h : d.hypotheses()) {
            String opening = h.evidence().isEmpty() ? "" : h.evidence().get(0);
            String status = opening.startsWith("Customer declines") ? "Customer declines"
                    : opening.split(" ")[0] + " alone";
            for (String e : h.evidence()) {
                record(quoted, where, e);
                Matcher m = CONTRAST.matcher(e);
                if (m.find()) {
                    put(quoted, where, status + "|" + m.group("target") + "|" + m.group("seconds"),
                            m.group("value") + " vs " + m.group("expected"), e);
                }
            }
        }
    }

    private static void record(Map<String, String> quoted, String where, String text) {
        for (Pattern p : RATES) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                put(quoted, where, m.group("measure") + "|" + m.group("target") + "|" + m.group("seconds"),
                        m.group("value") + " vs " + m.group("expected"), text);
            }
        }
    }

    private static void put(Map<String, String> quoted, String where, String key, String value, String text) {
        String had = quoted.putIfAbsent(key, value);
        if (had != null && !had.equals(value)) {
            fail(where + key + " reads " + had + " and " + value + " in one cycle: " + text);
        }
        assertEquals(had == null ? value : had, value);
    }
}
