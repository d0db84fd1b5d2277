package io.payops.ui.ingest;

import io.payops.domain.Status;

/**
 * One way the log writes a status, as the mapping step lists it.
 *
 * @param written  as the log writes it; {@code Fail / E10} is a status word refined by an error code
 * @param word     the word a status can be chosen for (the one no vocabulary knew, or one the user mapped), or null
 *                 when the built-in vocabulary reads it and there is nothing to choose
 * @param readAs   the status its lines read as
 * @param unmapped no vocabulary knew the word: its lines read as a guessed failure, and the run reports it
 * @param chosen   the user chose its status (in this step or in a remembered mapping)
 * @param count    lines with it in the inspected head of the file
 */
public record StatusRow(String written, String word, Status readAs, boolean unmapped, boolean chosen, long count) {
    public boolean choosable() {
        return word != null;
    }
}
