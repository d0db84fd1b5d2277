package io.payops.connect.all;

import io.payops.connect.Connector;
import java.util.List;

/** For tests in other packages: connectors made of instances the test holds (the constructor is package-private). */
public final class TestConnectors {
    private TestConnectors() {
    }

    public static Connectors of(Connector... connectors) {
        return new Connectors(List.of(connectors));
    }
}
