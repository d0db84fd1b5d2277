package io.payops.ui.whatif;

/**
 * One row of the what-if table, already in words: the time, each side's action and guardrail verdict (a leading
 * "* " marks an agent that acted on its own), why they differ ("" when they do not), and a longer {@code detail}
 * (what each agent actually did) for the row's tooltip.
 */
public record WhatIfItem(double atSeconds, String time, String recordedAction, String recordedVerdict,
                         String whatIfAction, String whatIfVerdict, String difference, boolean differs, String detail) {
}
