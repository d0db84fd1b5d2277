package io.payops.ui.ingest;

import io.payops.ui.ConsoleOptions;
import io.payops.ui.ConsoleWindow;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Shows the mapping step in the real console, for looking at it under a real display (xvfb-run): a terse foreign
 * CSV, with "mapped" as the argument its columns chosen, so the status words (one unmapped) show too.
 */
public final class LogMappingDemo {
    private LogMappingDemo() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("mapping-demo");
        Path log = ForeignCsv.terse(dir.resolve("gateway-2026-03-01.csv"), 5_000);
        boolean mapped = args.length > 0 && args[0].equals("mapped");
        Platform.startup(() -> {
            Stage stage = new Stage();
            ConsoleWindow window = ConsoleWindow.open(stage, new ConsoleOptions("stripe-outage", 7L, 1.0,
                    dir.resolve("state")));
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1366);
            stage.setHeight(768);
            LogMappingViewModel vm = window.shell().showMappingStep(log, false).view().viewModel();
            if (mapped) {
                vm.readyProperty().addListener((o, a, ready) -> {
                    vm.chooseColumn("ts", "t_ms");
                    vm.chooseColumn("gateway", "route");
                    vm.chooseColumn("status", "res");
                    vm.chooseColumn("latencyMs", "rt");
                    vm.chooseColumn("errorCode", "why");
                });
            }
        });
    }
}
