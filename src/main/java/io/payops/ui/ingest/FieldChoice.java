package io.payops.ui.ingest;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One field of the mapping step: the column it is read from ({@link LogMappingViewModel#NO_COLUMN} when none),
 * whether the user chose that column (else the field's name or an alias found it), and whether the field is required
 * and no column holds it. Set by the {@link LogMappingViewModel} only, on the FX thread.
 */
public final class FieldChoice {
    private final String key;
    private final String need;
    private final ReadOnlyStringWrapper column = new ReadOnlyStringWrapper(this, "column",
            LogMappingViewModel.NO_COLUMN);
    private final ReadOnlyBooleanWrapper chosen = new ReadOnlyBooleanWrapper(this, "chosen");
    private final ReadOnlyBooleanWrapper missing = new ReadOnlyBooleanWrapper(this, "missing");

    /** @param need what the reader needs of it, for the label's tooltip ("required", "optional", …) */
    FieldChoice(String key, String need) {
        this.key = key;
        this.need = need;
    }

    /** The field key a mapping names: ts, gateway, latencyMs, … */
    public String key() {
        return key;
    }

    public String need() {
        return need;
    }

    public String column() {
        return column.get();
    }

    void setColumn(String c) {
        column.set(c);
    }

    void set(String c, boolean byUser, boolean isMissing) {
        column.set(c);
        chosen.set(byUser);
        missing.set(isMissing);
    }

    public ReadOnlyStringProperty columnProperty() {
        return column.getReadOnlyProperty();
    }

    /** The user chose the column (shown as such); false when the field's own name or an alias found it. */
    public ReadOnlyBooleanProperty chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    /** Required and read from no column: the step cannot open the log until one is chosen. */
    public ReadOnlyBooleanProperty missingProperty() {
        return missing.getReadOnlyProperty();
    }
}
