package io.payops.ingest;

import io.payops.common.Excerpt;

/**
 * A status or error-code word no vocabulary knew, and how its lines were read anyway: as a failure
 * ({@code OTHER_FAILURE}, or {@code USER_DECLINED} where the word reads like a decline), never dropped.
 *
 * @param field     the column it was in: status or errorCode
 * @param value     the word as written
 * @param readAs    the status its lines counted as
 * @param count     lines with it
 * @param firstLine the first line with it
 */
public record UnmappedStatus(String field, String value, String readAs, long count, long firstLine) {
    @Override
    public String toString() {
        return field + " '" + Excerpt.of(value) + "' (" + count + " line" + (count == 1 ? "" : "s") + ", first line "
                + firstLine + ") read as " + readAs;
    }
}
