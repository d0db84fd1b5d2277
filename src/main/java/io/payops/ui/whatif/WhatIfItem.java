package io.payops.ui.whatif;

/**
 * One row of the what-if table, already in words: the time ({@code atMillis} to seek the replay to), each side's
 * action and guardrail verdict (a leading "* " marks an agent that acted on its own), why they differ ("" when they do
 * not), and a longer {@code detail} (what each agent actually did, and how a one-sided moment was aligned) for the
 * row's tooltip and detail.
 */
public record WhatIfItem(long atMillis, double atSeconds, String time, String recordedAction, String recordedVerdict,
                         String whatIfAction, String whatIfVerdict, String difference, boolean differs, String detail) {
}
