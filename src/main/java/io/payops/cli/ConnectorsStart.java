package io.payops.cli;

import io.payops.common.BadInputException;
import io.payops.connect.ConnectorSettings;
import io.payops.connect.all.Connectors;

import java.io.PrintWriter;

/** Starts a command's connectors, their warnings on stderr; a setting that cannot work is bad input (exit 2). */
final class ConnectorsStart {
    private ConnectorsStart() {
    }

    static Connectors start(ConnectorSettings settings, PrintWriter stderr) {
        try {
            return Connectors.start(settings, w -> {
                stderr.println("payops: warning: " + w);
                stderr.flush();
            });
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }
}
