package io.payops.common;

/** The product's name and version, as the command line's --version and the console's Help → About show it. */
public final class Version {
    public static final String TEXT = "PayOps Console 0.1.0";

    private Version() {
    }
}
