package io.payops.ui.replay;

import io.payops.ui.fx.BackgroundTask;
import io.payops.ui.fx.UiExecutor;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;

/**
 * The "Recent sessions" menu: the newest sessions under {@code <state>/sessions}, listed on a background thread
 * whenever the File menu opens (there may be many folders; the FX thread never reads them).
 */
public final class RecentSessionsViewModel {
    private final ObservableList<RecentSession> sessions = FXCollections.observableArrayList();
    private final ObservableList<RecentSession> sessionsView = FXCollections.unmodifiableObservableList(sessions);
    private final UiExecutor executor;
    private final ObservableStringValue stateDir;

    public RecentSessionsViewModel(UiExecutor executor, ObservableStringValue stateDir) {
        this.executor = executor;
        this.stateDir = stateDir;
    }

    /** Where sessions are recorded: {@code <state>/sessions}; Open session… starts there. */
    public Path sessionsDir() {
        return Path.of(stateDir.get()).resolve("sessions");
    }

    /** FX thread: lists the sessions again in the background; the list updates when that is done. */
    public void refresh() {
        Path dir = sessionsDir();
        BackgroundTask.of(() -> RecentSessions.list(dir, RecentSessions.MAX))
                .onSuccess(sessions::setAll)
                .executeWith(executor);
    }

    public ObservableList<RecentSession> sessions() {
        return sessionsView;
    }
}
