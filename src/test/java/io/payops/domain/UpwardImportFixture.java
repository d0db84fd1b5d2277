package io.payops.domain;

import io.payops.engine.Engine;

/** Test-only: a domain class that wrongly names the engine, so ArchitectureTest can show its layer rule fails. */
public final class UpwardImportFixture {
    private UpwardImportFixture() {
    }

    static Class<?> wrong() {
        return Engine.class;
    }
}
