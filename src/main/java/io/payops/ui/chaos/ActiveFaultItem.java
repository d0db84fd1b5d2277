package io.payops.ui.chaos;

import io.payops.domain.ActiveFault;
import io.payops.domain.FaultSpec;
import io.payops.domain.FaultType;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Locale;

/** One fault active in the newest frame, for the "active faults" list; kept by id and updated in place. */
public final class ActiveFaultItem {
    private final String id;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail", "");
    private ActiveFault fault;

    ActiveFaultItem(ActiveFault fault) {
        this.id = fault.id();
        update(fault);
    }

    void update(ActiveFault f) {
        fault = f;
        FaultSpec s = f.spec();
        title.set(s.type().key() + " · " + s.target());
        detail.set(id + " · " + strength(s) + " · intensity "
                + String.format(Locale.ROOT, "%.0f%%", f.intensity() * 100));
    }

    /** "severity 35%", or "latency ×4.0" for a latency spike. */
    static String strength(FaultSpec s) {
        return s.type() == FaultType.LATENCY_SPIKE
                ? String.format(Locale.ROOT, "latency ×%.1f", s.multiplier())
                : String.format(Locale.ROOT, "severity %.0f%%", s.severity() * 100);
    }

    public String id() {
        return id;
    }

    public ActiveFault fault() {
        return fault;
    }

    /** "gateway_outage · gateway=stripe". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** "ui-gateway_outage · severity 35% · intensity 100%". */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }
}
