package io.payops.report;

import io.payops.agent.AgentConfig;
import io.payops.domain.ApprovalMode;

import java.util.List;
import java.util.Locale;

/**
 * The guardrail knobs a person would change for a what-if (a subset of {@link AgentConfig}); everything else stays
 * at the agent's defaults, so an unchanged what-if is exactly the agent that ran. Values are checked on
 * construction: a bad one throws IllegalArgumentException naming the field and the range expected.
 *
 * @param minConfidenceToAct acting alone needs at least this decision confidence (0..1)
 * @param maxTrafficShift    no single change may move more than this share of all traffic (0..1)
 * @param volumeCapShare     a change moving more than this share of traffic needs a human (0..1)
 * @param maxActiveActions   routing changes in force at once (0..{@value #MAX_ACTIVE_ACTIONS})
 * @param cooldownSeconds    no new change on an overlapping target for this long after one (0..{@value #MAX_COOLDOWN_SECONDS})
 * @param approval           how approval requests are answered: auto:SECONDS, never, or manual (only recorded
 *                           operator decisions answer them)
 */
public record WhatIfSettings(double minConfidenceToAct, double maxTrafficShift, double volumeCapShare,
                             int maxActiveActions, int cooldownSeconds, ApprovalMode approval) {
    public static final int MAX_ACTIVE_ACTIONS = 50;
    public static final int MAX_COOLDOWN_SECONDS = 86_400;
    /** The keys {@link #with(String, String)} and {@link #parse} accept, in the order a form shows them. */
    public static final List<String> KEYS = List.of("minConfidenceToAct", "maxTrafficShift", "volumeCapShare",
            "maxActiveActions", "cooldownSeconds", "approval");

    public WhatIfSettings {
        share("minConfidenceToAct", minConfidenceToAct);
        share("maxTrafficShift", maxTrafficShift);
        share("volumeCapShare", volumeCapShare);
        if (maxActiveActions < 0 || maxActiveActions > MAX_ACTIVE_ACTIONS) {
            throw outOfRange("maxActiveActions", String.valueOf(maxActiveActions),
                    "a whole number from 0 to " + MAX_ACTIVE_ACTIONS);
        }
        if (cooldownSeconds < 0 || cooldownSeconds > MAX_COOLDOWN_SECONDS) {
            throw outOfRange("cooldownSeconds", String.valueOf(cooldownSeconds),
                    "a whole number of seconds from 0 to " + MAX_COOLDOWN_SECONDS);
        }
        if (approval == null) {
            throw new IllegalArgumentException("approval: missing (expected auto:SECONDS, never or manual)");
        }
    }

    /** The agent's own settings with the headless default approval (auto:60), as {@code run} uses. */
    public static WhatIfSettings defaults() {
        return defaults(ApprovalMode.DEFAULT_HEADLESS);
    }

    /** The agent's own settings with the approval mode the session was recorded with. */
    public static WhatIfSettings defaults(ApprovalMode approval) {
        return of(AgentConfig.defaults(approval));
    }

    public static WhatIfSettings of(AgentConfig c) {
        AgentConfig.Guard g = c.guard();
        return new WhatIfSettings(g.minConfidenceToAct(), g.maxTrafficShift(), g.volumeCapShare(), g.maxActiveActions(),
                g.cooldownSeconds(), c.approval());
    }

    /** The agent's default configuration with these knobs in place. */
    public AgentConfig toConfig() {
        AgentConfig d = AgentConfig.defaults(approval);
        AgentConfig.Guard g = d.guard();
        return d.withGuard(new AgentConfig.Guard(minConfidenceToAct, maxTrafficShift, g.maxRetryMultiplier(),
                maxActiveActions, cooldownSeconds, volumeCapShare, g.approvalExpirySeconds(), g.interimConfidence(),
                g.interimMaxShare()));
    }

    /** Applies {@code key=value} assignments (the CLI's {@code --set}) in order, on top of {@code base}. */
    public static WhatIfSettings parse(WhatIfSettings base, List<String> assignments) {
        WhatIfSettings s = base;
        for (String a : assignments) {
            s = s.with(a);
        }
        return s;
    }

    /** One {@code key=value} assignment, e.g. {@code maxTrafficShift=0.2}. */
    public WhatIfSettings with(String assignment) {
        String text = assignment == null ? "" : assignment.trim();
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("'" + text + "' is not a setting (expected key=value with key one of "
                    + String.join(", ", KEYS) + ")");
        }
        return with(text.substring(0, eq).trim(), text.substring(eq + 1).trim());
    }

    /** A copy with one knob changed from its text; the message names the key and the range when it is not valid. */
    public WhatIfSettings with(String key, String value) {
        String v = value == null ? "" : value.trim();
        return switch (key) {
            case "minConfidenceToAct" -> new WhatIfSettings(number(key, v), maxTrafficShift, volumeCapShare,
                    maxActiveActions, cooldownSeconds, approval);
            case "maxTrafficShift" -> new WhatIfSettings(minConfidenceToAct, number(key, v), volumeCapShare,
                    maxActiveActions, cooldownSeconds, approval);
            case "volumeCapShare" -> new WhatIfSettings(minConfidenceToAct, maxTrafficShift, number(key, v),
                    maxActiveActions, cooldownSeconds, approval);
            case "maxActiveActions" -> new WhatIfSettings(minConfidenceToAct, maxTrafficShift, volumeCapShare,
                    whole(key, v, "a whole number from 0 to " + MAX_ACTIVE_ACTIONS), cooldownSeconds, approval);
            case "cooldownSeconds" -> new WhatIfSettings(minConfidenceToAct, maxTrafficShift, volumeCapShare,
                    maxActiveActions, whole(key, v, "a whole number of seconds from 0 to " + MAX_COOLDOWN_SECONDS),
                    approval);
            case "approval" -> new WhatIfSettings(minConfidenceToAct, maxTrafficShift, volumeCapShare,
                    maxActiveActions, cooldownSeconds, approvalMode(v));
            default -> throw new IllegalArgumentException("unknown setting '" + key + "' (expected one of "
                    + String.join(", ", KEYS) + ")");
        };
    }

    /** The value of one knob as text a form field shows and {@link #with(String, String)} reads back. */
    public String text(String key) {
        return switch (key) {
            case "minConfidenceToAct" -> plain(minConfidenceToAct);
            case "maxTrafficShift" -> plain(maxTrafficShift);
            case "volumeCapShare" -> plain(volumeCapShare);
            case "maxActiveActions" -> String.valueOf(maxActiveActions);
            case "cooldownSeconds" -> String.valueOf(cooldownSeconds);
            case "approval" -> approval.toString();
            default -> throw new IllegalArgumentException("unknown setting '" + key + "' (expected one of "
                    + String.join(", ", KEYS) + ")");
        };
    }

    /** "minConfidenceToAct=0.8 maxTrafficShift=0.5 ...", for a report header. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (String k : KEYS) {
            sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(text(k));
        }
        return sb.toString();
    }

    private static String plain(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "");
        return s.endsWith(".") ? s + "0" : s;
    }

    private static void share(String field, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw outOfRange(field, plainOrRaw(v), "a number from 0 to 1");
        }
    }

    private static String plainOrRaw(double v) {
        return Double.isFinite(v) ? plain(v) : String.valueOf(v);
    }

    private static double number(String field, String v) {
        try {
            double d = Double.parseDouble(v);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // the message below says what is expected
        }
        throw new IllegalArgumentException(field + ": '" + v + "' is not a number (expected a number from 0 to 1)");
    }

    private static int whole(String field, String v, String expected) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": '" + v + "' is not a whole number (expected " + expected + ")");
        }
    }

    private static ApprovalMode approvalMode(String v) {
        try {
            return ApprovalMode.parse(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("approval: '" + v + "' is not an approval mode (expected auto:SECONDS "
                    + "with SECONDS from 0 to 86400, never, or manual)");
        }
    }

    private static IllegalArgumentException outOfRange(String field, String value, String expected) {
        return new IllegalArgumentException(field + ": " + value + " is out of range (expected " + expected + ")");
    }
}
