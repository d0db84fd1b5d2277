package io.payops.foreign;

/** The dimensions a fault or noise episode can sit on; the key is the word the ground truth uses. */
enum Dim {
    GATEWAY("gateway"), ISSUER("issuer"), NETWORK("network"), METHOD("method"), MERCHANT("merchant"),
    /** Traffic-wide (retry bursts). */
    ALL("all");

    final String key;

    Dim(String key) {
        this.key = key;
    }
}
