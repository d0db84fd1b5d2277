package io.payops.ui.ingest;

import io.payops.ui.fx.UiExecutor;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Makes the mapping step for each log the user picks: what every step shares (its own executor, so an inspection
 * never waits behind a followed log's open; the state directory, which the user may change while the console runs)
 * and where a confirmed step goes.
 *
 * @param executor inspects and reads mapping files (blocking work), and brings the results to the FX thread
 * @param stateDir the console's state directory as it is now
 * @param warn     the console's banner
 */
public record LogMappingSteps(UiExecutor executor, Supplier<Path> stateDir, EventLogViewModel eventLog,
                              Consumer<String> warn) {
    /** A step for {@code file}; {@link LogMappingViewModel#start()} fills it, Open runs the log. */
    public LogMappingViewModel step(Path file, boolean follow) {
        return new LogMappingViewModel(file, follow, new RememberedMappings(stateDir.get()), executor,
                mapping -> eventLog.open(file, follow, mapping), warn);
    }
}
