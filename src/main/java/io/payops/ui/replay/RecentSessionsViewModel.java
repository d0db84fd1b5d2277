package io.payops.ui.replay;

import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.concurrent.Executor;

/**
 * The "Recent sessions" menu: the newest sessions under {@code <state>/sessions}, listed on a background thread
 * whenever the File menu opens (there may be many folders; the FX thread never reads them).
 */
public final class RecentSessionsViewModel {
    private final ObservableList<RecentSession> sessions = FXCollections.observableArrayList();
    private final ObservableList<RecentSession> sessionsView = FXCollections.unmodifiableObservableList(sessions);
    private final Executor io;
    private final Executor fx;
    private final ObservableStringValue stateDir;

    public RecentSessionsViewModel(Executor io, Executor fx, ObservableStringValue stateDir) {
        this.io = io;
        this.fx = fx;
        this.stateDir = stateDir;
    }

    /** Where sessions are recorded: {@code <state>/sessions}; Open session… starts there. */
    public Path sessionsDir() {
        return Path.of(stateDir.get()).resolve("sessions");
    }

    /** FX thread: lists the sessions again in the background; the list updates when that is done. */
    public void refresh() {
        Path dir = sessionsDir();
        io.execute(() -> {
            var found = RecentSessions.list(dir, RecentSessions.MAX);
            fx.execute(() -> sessions.setAll(found));
        });
    }

    public ObservableList<RecentSession> sessions() {
        return sessionsView;
    }
}
