package io.payops.ui.ingest;

import io.payops.common.BadInputException;
import io.payops.connect.ConnectorHealth;
import io.payops.connect.kafka.KafkaFeed;
import io.payops.connect.kafka.KafkaSettings;
import io.payops.domain.Frame;
import io.payops.engine.EventLogSession;
import io.payops.ingest.BadLine;
import io.payops.ingest.EventLogSource;
import io.payops.ingest.EventLogStats;
import io.payops.ingest.LogMapping;
import io.payops.ui.fx.FrameBatch;
import io.payops.ui.fx.FrameListener;
import io.payops.ui.fx.FramePump;
import io.payops.ui.fx.NewestValue;
import io.payops.ui.fx.SessionInfo;
import io.payops.ui.fx.UiExecutor;
import io.payops.ui.replay.ReplayViewModel;
import io.payops.ui.shell.ShellViewModel;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The console over an event log (issue #7): File → Open event log… reads a file as fast as it reads, File → Follow
 * log… keeps reading it as it grows. The agent runs open loop with the same panes as live traffic; its routing
 * changes are recommendations (the gateways pane says so) and chaos is off. This ViewModel opens the log, hands it
 * to the {@link ShellViewModel} (which starts a recorded session over it in place of the simulator) and turns the
 * reader's counts into the progress bar, the status line and the bad-line report.
 *
 * <p>Threads: the methods and properties are for the FX thread. Opening a log blocks (it reads the file's head to
 * infer the world; a followed empty file waits for its first events), so it runs on the executor's background
 * thread. Counts are taken on the engine thread after each tick and cross to the FX thread as a {@link NewestValue}:
 * the newest value is kept and at most one update is queued at a time. Every open and every leave bumps a
 * generation; work of an older one is ignored, and a blocked open sees it and gives up.
 */
public final class EventLogViewModel implements FrameListener {
    public static final String EVENT_LOG_BADGE = "EVENT LOG";
    public static final String FOLLOWING_BADGE = "FOLLOWING";
    public static final String KAFKA_BADGE = "KAFKA";
    private static final DateTimeFormatter WALL_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final ShellViewModel console;
    private final UiExecutor executor;
    private final AtomicLong generation = new AtomicLong();

    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper(this, "opening");
    private final ReadOnlyBooleanWrapper following = new ReadOnlyBooleanWrapper(this, "following");
    private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper(this, "reading");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyLongWrapper events = new ReadOnlyLongWrapper(this, "events");
    private final ReadOnlyStringWrapper badge = new ReadOnlyStringWrapper(this, "badge", EVENT_LOG_BADGE);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper badLinesText = new ReadOnlyStringWrapper(this, "badLinesText", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper windowTitle =
            new ReadOnlyStringWrapper(this, "windowTitle", ReplayViewModel.LIVE_TITLE);
    private final ObservableList<BadLine> badLines = FXCollections.observableArrayList();
    private final ObservableList<BadLine> badLinesView = FXCollections.unmodifiableObservableList(badLines);

    private SessionInfo info;
    private String fileName = "";
    private EventLogStats lastStats;
    /** The Kafka feed of the run shown (or being waited on), for the status line's connectors; null otherwise. */
    private KafkaFeed source;

    /** @param executor opens logs (blocking work; one job at a time is enough) and brings results and counts back */
    public EventLogViewModel(FramePump pump, ShellViewModel console, UiExecutor executor) {
        this.console = console;
        this.executor = executor;
        pump.addListener(this);
    }

    /**
     * Opens {@code file} on the background thread and, once its head is read, runs the agent over it in place of
     * the simulator. A bad file (missing, empty, nothing valid) shows its message in the banner and live traffic
     * goes on. With {@code follow}, an empty file is waited on until its first events or until the user leaves.
     */
    public void open(Path file, boolean follow) {
        open(file, follow, LogMapping.NONE);
    }

    /**
     * As {@link #open(Path, boolean)}, reading the log's columns, status words and zone-less times as {@code mapping}
     * says (what the mapping step confirmed, or {@code console --map …}).
     */
    public void open(Path file, boolean follow, LogMapping mapping) {
        long g = generation.incrementAndGet();
        String name = nameOf(file);
        opening.set(true);
        error.set(null);
        progress.set(-1);
        status.set((follow ? "Waiting for events in " : "Opening ") + name + " …");
        executor.background(() -> {
            EventLogSession session;
            try {
                session = EventLogSession.open(file, null, mapping, null, follow, () -> generation.get() != g);
                if (session == null) {
                    return; // the user left before a followed file had any event
                }
            } catch (BadInputException e) {
                executor.fx(() -> failedToOpen(g, e.getMessage()));
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                executor.fx(() -> failedToOpen(g, "event log '" + file + "': cannot be read (" + describe(e) + ")"));
                return;
            }
            executor.fx(() -> opened(g, session));
        });
    }

    /**
     * File → Connect to Kafka…: checks the dialog's fields and, when they are right, connects (off the FX thread).
     *
     * @return null when accepted, else what is wrong with which field and what was expected (the dialog shows it)
     */
    public String connectKafka(String bootstrap, String topic, String group, String from) {
        KafkaSettings settings;
        try {
            settings = KafkaSettings.of(bootstrap, topic, group, from, null, null);
        } catch (BadInputException e) {
            // the dialog's fields, not the command line's options
            return e.getMessage().replaceFirst("^--kafka:", "Bootstrap servers:").replaceFirst("^--topic:", "Topic:")
                    .replaceFirst("^--group:", "Group:").replaceFirst("^--from:", "Start from:");
        }
        openKafka(settings, LogMapping.NONE);
        return null;
    }

    /**
     * Runs the agent over a Kafka topic in place of the simulator, like a followed log: the consumer starts on its
     * own thread, the first records are awaited on the background thread (a broker that is down shows in the banner,
     * and again when it is back), then the session starts. Leaving while waiting gives up and closes the consumer.
     */
    public void openKafka(KafkaSettings settings, LogMapping mapping) {
        long g = generation.incrementAndGet();
        opening.set(true);
        error.set(null);
        progress.set(-1);
        status.set("Waiting for records on " + settings.name() + " …");
        executor.background(() -> {
            // the notices come on the consumer's thread, the first possibly before start() has returned (then the
            // broker has not answered yet: down); an atomic reference so that thread sees the feed once it is set
            java.util.concurrent.atomic.AtomicReference<KafkaFeed> started = new java.util.concurrent.atomic.AtomicReference<>();
            KafkaFeed feed = KafkaFeed.start(settings, null, mapping, notice -> {
                KafkaFeed f = started.get();
                boolean down = f == null || f.brokerDown();
                executor.fx(() -> brokerNotice(g, notice, down));
            });
            started.set(feed);
            executor.fx(() -> connecting(g, feed));
            EventLogSession session;
            try {
                session = EventLogSession.open(feed, null, settings.csvHeader(), mapping, null,
                        () -> generation.get() != g);
            } catch (BadInputException e) {
                feed.close();
                executor.fx(() -> failedToOpen(g, e.getMessage()));
                return;
            } catch (InterruptedException e) {
                feed.close();
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                feed.close();
                executor.fx(() -> failedToOpen(g, settings.name() + ": cannot be read (" + describe(e) + ")"));
                return;
            }
            if (session == null) {
                feed.close(); // the user left before the topic had a record
                return;
            }
            executor.fx(() -> opened(g, session));
        });
    }

    /** The consumer runs: its health shows in the status line while waiting for the first records, and after. */
    private void connecting(long g, KafkaFeed feed) {
        if (generation.get() == g) {
            source = feed;
        }
    }

    /**
     * The Kafka feed's health ("kafka HOST:PORT/TOPIC: 12,345 records read, 0 outages, 3 held") while the console is
     * connected to a topic (waiting for its first records, or running over it); empty otherwise. For the status line's
     * connectors, asked once a second: counters only. FX thread.
     */
    public List<ConnectorHealth> sourceHealth() {
        return source == null ? List.of() : List.of(source.health());
    }

    /** A broker down is shown as an error in the banner, its return as news; a notice of an older run is ignored. */
    private void brokerNotice(long g, String notice, boolean down) {
        if (generation.get() != g) {
            return;
        }
        if (down) {
            console.showError(notice);
        } else {
            console.showNotice(notice);
        }
    }

    private void failedToOpen(long g, String message) {
        if (generation.get() != g) {
            return;
        }
        opening.set(false);
        status.set("");
        error.set(message);
        source = null;
    }

    private void opened(long g, EventLogSession session) {
        if (generation.get() != g) {
            executor.background(session::close);
            return;
        }
        boolean follow = session.follow();
        boolean topic = session.feed() != null;
        source = session.feed() instanceof KafkaFeed k ? k : null;
        fileName = topic ? session.name() : nameOf(session.file());
        info = new SessionInfo(session.scenario(), "agent", true, true);
        lastStats = null;
        events.set(0);
        badLines.clear();
        badLinesText.set("");
        failed.set(false);
        following.set(follow);
        reading.set(!follow);
        progress.set(follow ? -1 : 0);
        badge.set(topic ? KAFKA_BADGE : follow ? FOLLOWING_BADGE : EVENT_LOG_BADGE);
        windowTitle.set("PayOps — " + badge.get() + " " + fileName);
        summary.set(String.format(Locale.ROOT, "%s · %s · world %s", session.name(), session.format().key(),
                session.worldNote()));
        status.set((follow ? "Following " : "Reading ") + fileName + " …");
        opening.set(false);
        active.set(true);
        Relay relay = new Relay(g, session);
        console.startEventLog(session, info, f -> relay.publish(f, false, false),
                end -> relay.publish(end.lastFrame(), true, end.finished()));
    }

    /** Carries one run's counts from the engine thread to the FX thread: newest value, one queued update at most. */
    private final class Relay {
        private final EventLogSession session;
        private final NewestValue<EventLogProgress> counts;

        Relay(long g, EventLogSession session) {
            this.session = session;
            this.counts = new NewestValue<>(executor, p -> show(g, p));
        }

        /** Engine thread. */
        void publish(Frame frame, boolean ended, boolean finished) {
            EventLogSource source = session.source();
            counts.offer(new EventLogProgress(source.stats(), frame == null ? 0 : frame.simMillis(), source.origin(),
                    ended, finished));
        }
    }

    private void show(long g, EventLogProgress p) {
        if (generation.get() != g || !active.get()) {
            return;
        }
        EventLogStats s = p.stats();
        if (lastStats == null || s.badLines() != lastStats.badLines()) {
            badLines.setAll(s.firstBadLines());
            badLinesText.set(badLinesReport(fileName, s));
        }
        lastStats = s;
        events.set(s.events());
        if (!following.get()) {
            progress.set(p.ended() && p.finished() ? 1 : s.progress());
        }
        status.set(statusOf(fileName, following.get(), p));
        if (p.ended()) {
            reading.set(false);
            source = null;   // the run is over, and its consumer closed with it
            if (p.finished() && s.mostlyBad()) {
                failed.set(true);
                error.set(mostlyBadMessage(fileName, s));
            }
        }
    }

    /** The status line, as the run goes and once it ended. */
    static String statusOf(String name, boolean follow, EventLogProgress p) {
        EventLogStats s = p.stats();
        String bad = s.badLines() == 0 ? "" : String.format(Locale.ROOT, " · %,d bad line%s", s.badLines(),
                s.badLines() == 1 ? "" : "s");
        if (p.ended() && p.finished()) {
            String verdict = s.mostlyBad() ? "Failed: more than half the lines are bad. " : "";
            return String.format(Locale.ROOT, "%sRead %,d events (%,d bad) from %s — %,d s of traffic", verdict,
                    s.events(), s.badLines(), name, p.simMillis() / 1000);
        }
        if (follow) {
            String last = p.reachedAt() == null ? "no event yet" : "last event at " + WALL_TIME.format(p.reachedAt());
            return String.format(Locale.ROOT, "%s %s · %,d events · %s%s", p.ended() ? "Stopped following" : "Following",
                    name, s.events(), last, bad);
        }
        if (p.ended()) {
            return String.format(Locale.ROOT, "Stopped reading %s at %.0f%% · %,d events%s", name, 100 * s.progress(),
                    s.events(), bad);
        }
        return String.format(Locale.ROOT, "Reading %s: %.0f%% · %,d events%s", name, Math.floor(100 * s.progress()),
                s.events(), bad);
    }

    /** What the "bad lines" details show: the first ten with their line numbers and what was wrong. */
    static String badLinesReport(String name, EventLogStats s) {
        if (s.badLines() == 0) {
            return "";
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%,d of %,d lines in %s were not events and "
                + "were skipped; the first %d:", s.badLines(), s.candidateLines(), name, s.firstBadLines().size()));
        for (BadLine l : s.firstBadLines()) {
            b.append('\n').append(l);
        }
        return b.toString();
    }

    static String mostlyBadMessage(String name, EventLogStats s) {
        return String.format(Locale.ROOT, "Event log %s failed: %,d of %,d lines are bad, more than half (expected one "
                + "attempt per line with ts, status, latencyMs and at least one dimension). The panes show what the "
                + "good lines gave; see the bad lines for the first %d.", name, s.badLines(), s.candidateLines(),
                s.firstBadLines().size());
    }

    /** Another session (live traffic, a replay, another log) took the panes: this run is over for the views. */
    @Override
    public void onSessionStart(SessionInfo session) {
        if (session != info && (active.get() || opening.get())) {
            leave();
        }
    }

    @Override
    public void onFrames(FrameBatch batch) {
        // the counts come through the relay; the panes read the frames themselves
    }

    /** "Back to live": stops reading (closing the file) and restarts the simulator; while opening, just gives up. */
    public void backToLive() {
        boolean wasRunning = active.get();
        leave();
        if (wasRunning) {
            console.start();
        }
    }

    /** Leaves event-log mode without starting anything (the window closes, or another session took over). */
    public void close() {
        leave();
    }

    private void leave() {
        generation.incrementAndGet();
        info = null;
        source = null;
        opening.set(false);
        reading.set(false);
        following.set(false);
        failed.set(false);
        status.set("");
        summary.set("");
        windowTitle.set(ReplayViewModel.LIVE_TITLE);
        active.set(false);
    }

    private static String nameOf(Path file) {
        Path n = file.getFileName();
        return n == null ? file.toString() : n.toString();
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** True from the moment a log has opened until another session takes over. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public boolean isActive() {
        return active.get();
    }

    /** True while a log's head is read (or a followed empty file is waited on). */
    public ReadOnlyBooleanProperty openingProperty() {
        return opening.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty followingProperty() {
        return following.getReadOnlyProperty();
    }

    /** True while a file (not followed) is being read: the progress bar shows. */
    public ReadOnlyBooleanProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }

    /** True when more than half the file's lines were bad (DESIGN §5.4): shown as a failure. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** Bytes read of the file's size, 0..1; -1 (indeterminate) while opening and when following. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Events read so far. */
    public ReadOnlyLongProperty eventsProperty() {
        return events.getReadOnlyProperty();
    }

    /** "EVENT LOG" or "FOLLOWING". */
    public ReadOnlyStringProperty badgeProperty() {
        return badge.getReadOnlyProperty();
    }

    /** "/data/orders.csv · csv · world inferred from …". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** "Reading orders.csv: 41% · 812,345 events · 12 bad lines", then "Read 812,345 events (12 bad) from …". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The first bad lines (at most ten), with line numbers and problems. */
    public ObservableList<BadLine> badLines() {
        return badLinesView;
    }

    /** The bad-line report for the details dialog, or empty when every line was an event. */
    public ReadOnlyStringProperty badLinesTextProperty() {
        return badLinesText.getReadOnlyProperty();
    }

    /** What went wrong (a file that cannot be opened, a mostly bad one), for the shell's banner; null when nothing. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** "PayOps — EVENT LOG orders.csv" / "PayOps — FOLLOWING orders.csv" while active, else "PayOps Console". */
    public ReadOnlyStringProperty windowTitleProperty() {
        return windowTitle.getReadOnlyProperty();
    }

    /** The session info of the run shown, or null. */
    public SessionInfo session() {
        return info;
    }
}
