package io.payops.ui.shell;

import io.payops.agent.reason.llm.LlmReasoner;
import io.payops.agent.reason.llm.LlmSettings;
import io.payops.common.BadInputException;
import io.payops.connect.ConnectorHealth;
import io.payops.connect.all.Connectors;
import io.payops.domain.ApprovalMode;
import io.payops.domain.Command;
import io.payops.domain.Frame;
import io.payops.engine.EventLogSession;
import io.payops.engine.LiveRunner;
import io.payops.engine.LiveSession;
import io.payops.engine.RunSettings;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import io.payops.store.SessionRetention;
import io.payops.ui.fx.CommandSink;
import io.payops.ui.fx.EngineHost;
import io.payops.ui.fx.FrameBatch;
import io.payops.ui.fx.FrameListener;
import io.payops.ui.fx.FramePump;
import io.payops.ui.fx.SessionInfo;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The console's toolbar and session: which scenario runs with which seed, at what speed, paused or not, in which
 * agent mode, plus the status line and the error banner. It starts and restarts the live engine; the feature
 * ViewModels follow it through the {@link FramePump}. FX thread only.
 */
public final class ShellViewModel implements FrameListener {
    /** The console keeps a scenario running long after its last fault: a week of simulated time. */
    static final int LIVE_SECONDS = 7 * 24 * 3600;
    public static final List<Double> SPEEDS = List.of(1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0);

    private final FramePump pump;
    private final EngineHost host;
    private final ObservableList<String> scenarios = FXCollections.observableArrayList(ScenarioLoader.builtInNames());
    private final ReadOnlyStringWrapper scenario = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper scenarioDescription = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper seedText = new ReadOnlyStringWrapper();
    private final ReadOnlyDoubleWrapper speed = new ReadOnlyDoubleWrapper(1);
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper recommendOnly = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper pauseOnRequest = new ReadOnlyBooleanWrapper();
    /** The same, for the engine thread, which asks after every frame that raises a request. */
    private volatile boolean pauseOnRequestNow;
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper stateDir = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper clock = new ReadOnlyStringWrapper("t = 0 s");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("starting");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper notice = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper theme = new ReadOnlyStringWrapper(ConsolePrefs.DARK);
    private final ReadOnlyStringWrapper heartbeat = new ReadOnlyStringWrapper("agent: starting");
    /** Agent cycles seen in this session's frames. */
    private long cycles;
    /** The running session (null when stopped), and the one started last, whose recording is awaited at exit. */
    private LiveSession session;
    private volatile LiveSession last;
    private SessionRetention retention = SessionRetention.DEFAULT;
    private SessionInfo info;
    private boolean replaying;
    private LlmSettings llm;
    private final ReadOnlyStringWrapper reasonerName = new ReadOnlyStringWrapper("heuristic");

    public ShellViewModel(FramePump pump, EngineHost host, String scenarioName, long seed, double speed,
                            String stateDir) {
        this.pump = pump;
        this.host = host;
        this.scenario.set(scenarioName);
        if (!scenarios.contains(scenarioName)) {
            scenarios.add(scenarioName);
        }
        this.seedText.set(Long.toString(seed));
        this.speed.set(LiveRunner.checkSpeed(speed));
        this.stateDir.set(stateDir);
        pump.addListener(this);
        pump.setOnFailure(t -> showError("The engine stopped: " + describe(t)
                + ". Pick a scenario or press Restart to start again."));
        pump.setOnNotice(this::showError);
    }

    private io.payops.engine.SessionListener connectors = io.payops.engine.SessionListener.NONE;

    /** The connectors (Alertmanager, Prometheus, the router): told of every session this console starts. */
    public void setConnectors(Connectors connectors) {
        this.connectors = connectors.listener();
    }

    /**
     * For the banner, once the console is up: "Not started: --metrics-port 9400: port 9400 is in use …; the other
     * connectors run", each connector that could not start ({@link Connectors#startWhatCan}) by the option that asked
     * for it, with why; null when every one started.
     */
    public static String notStartedMessage(Connectors connectors) {
        if (connectors.refused().isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder("Not started: ");
        for (ConnectorHealth h : connectors.refused()) {
            b.append(h.name()).append(": ").append(h.notRunning()).append("; ");
        }
        return b.append(connectors.isEmpty() ? "the console runs without connectors" : "the other connectors run")
                .toString();
    }

    /** Where the console's own commands (approve, chaos) go: the running engine, applied at its next tick. */
    public CommandSink commands() {
        return this::submit;
    }

    private void submit(Command c) {
        if (session == null || !session.submit(c)) {
            showError("No session is running: " + c.getClass().getSimpleName() + " was not sent. Press Restart.");
        }
    }

    /** Starts (or restarts) the session on the chosen scenario and seed; a bad scenario or seed shows in the banner. */
    public boolean start() {
        long seed;
        try {
            seed = parseSeed(seedText.get());
        } catch (IllegalArgumentException e) {
            showError(e.getMessage());
            return false;
        }
        Scenario s;
        try {
            s = ScenarioLoader.resolve(scenario.get());
        } catch (BadInputException e) {
            showError(e.getMessage());
            return false;
        }
        s = s.withSeed(seed).withDuration(Math.max(s.durationSeconds(), LIVE_SECONDS));
        launch(LiveSession.simulated(s, runSettings()).paced(speed.get()), new SessionInfo(s, "agent", true));
        return true;
    }

    /** The agent's settings for a new session: a human answers approvals; the heuristics or the chosen LLM reason. */
    public RunSettings runSettings() {
        return llm == null ? new RunSettings("agent", ApprovalMode.MANUAL, "heuristic")
                : new RunSettings("agent", ApprovalMode.MANUAL, llm.provider().key(), llm, LlmReasoner.Mode.NEVER_WAIT);
    }

    /**
     * Runs the agent over an event log in place of the simulator (issue #7), recorded in the state folder like a
     * live session, and the same panes follow it. A file read flat out is recorded whole and replays whole; a
     * followed file comes at the pace it is written, like live traffic. {@code tap} sees every frame on the engine
     * thread; {@code ended} hears there how the run ended, however it ends. Returns once the run has started.
     */
    public void startEventLog(EventLogSession log, SessionInfo info, Consumer<Frame> tap,
                              Consumer<LiveSession.Ending> ended) {
        paused.set(false);
        launch(LiveSession.eventLog(log, runSettings()).frames(tap).onEnd(ended), info);
    }

    /** Stops what runs, ends its recording, and starts the next session on the host, recorded in the state folder. */
    private void launch(LiveSession.Builder next, SessionInfo info) {
        stop();
        this.info = info;
        pump.startSession(info);
        LiveSession s = next.frames(pump.sessionSink())
                .failures(pump.sessionFailureSink())
                .paused(paused.get())
                .recommendOnly(recommendOnly.get())
                .pauseOnRequest(() -> pauseOnRequestNow)
                .listener(connectors)
                .recordedIn(new LiveSession.Recording(Path.of(stateDir.get()), retention, true, pump::offerNotice))
                .after(last)
                .build();
        session = s;
        last = s;
        error.set(null);
        finished.set(false);
        clock.set("t = 0 s");
        scenarioDescription.set(info.scenario().description());
        host.start(s);
        updateStatus();
    }

    /** Stops the engine and ends the recording (at exit, and before a replay or the next session). */
    public void stop() {
        host.stop();
        if (session != null) {
            session.stop();
            session = null;
        }
    }

    /**
     * At exit: waits briefly for the recording to be closed so the session ends "complete". The window is gone by
     * then; this is the only wait on the FX thread, and it is bounded.
     */
    public boolean awaitRecordingClosed(long millis) {
        return last == null || last.awaitRecordingClosed(millis);
    }

    /**
     * Any thread (a JVM shutdown hook on SIGTERM or Ctrl+C, when the FX thread will not run again): ends the running
     * session's recording so it is marked complete, waiting at most {@code millis}.
     */
    public void endRecordingAtShutdown(long millis) {
        LiveSession s = last;
        if (s != null) {
            s.endAtShutdown(millis);
        }
    }

    /**
     * Where hypotheses come from: an LLM (its key stays in memory, in these settings only) or, with null, the
     * heuristics. Takes effect by restarting the session, since the agent is built with its reasoner.
     */
    public void setReasoner(LlmSettings settings) {
        // the settings were validated when made; the client is built off the FX thread at the first question, and
        // if it cannot be, the reasoning pane says so while the heuristics answer
        LlmSettings before = llm;
        preselectReasoner(settings);
        if (!start()) {
            preselectReasoner(before);
        }
    }

    /** The reasoner the first session starts with (from the command line), without starting one. */
    public void preselectReasoner(LlmSettings settings) {
        llm = settings;
        reasonerName.set(settings == null ? "heuristic" : settings.provider() + " " + settings.model());
    }

    /** "heuristic", or the provider and model of the LLM in use. */
    public ReadOnlyStringProperty reasonerProperty() {
        return reasonerName.getReadOnlyProperty();
    }

    public LlmSettings reasonerSettings() {
        return llm;
    }

    /** How many recorded sessions and how much disk the state folder may hold (from the command line). */
    public void setRetention(SessionRetention retention) {
        this.retention = retention;
    }

    public void selectScenario(String name) {
        if (name != null && !name.equals(scenario.get())) {
            if (!scenarios.contains(name)) {
                scenarios.add(name);
            }
            scenario.set(name);
            start();
        }
    }

    /** The seed field's text; a new valid seed restarts the session, an invalid one says what is expected. */
    public void applySeed(String text) {
        try {
            long seed = parseSeed(text);
            seedText.set(Long.toString(seed));
            start();
        } catch (IllegalArgumentException e) {
            showError(e.getMessage());
        }
    }

    static long parseSeed(String text) {
        String t = text == null ? "" : text.trim();
        try {
            long v = Long.parseLong(t);
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // the message below says what is expected
        }
        throw new IllegalArgumentException("Seed '" + t + "' is not valid: expected a whole number from 0 to "
                + Long.MAX_VALUE);
    }

    public void setSpeed(double x) {
        try {
            speed.set(LiveRunner.checkSpeed(x));
        } catch (IllegalArgumentException e) {
            showError(e.getMessage());
            return;
        }
        if (session != null) {
            session.setSpeed(x);
        }
        updateStatus();
    }

    public void setPaused(boolean p) {
        paused.set(p);
        if (session != null) {
            session.setPaused(p);
        }
        updateStatus();
    }

    public void togglePaused() {
        setPaused(!paused.get());
    }

    /**
     * How many times the running session's engine loop has found itself paused and idled instead of stepping
     * ({@link LiveSession#pausedPolls}); 0 without a session. Lets a test see a pause hold in engine terms.
     */
    public long pausedPolls() {
        LiveSession s = session;
        return s == null ? 0 : s.pausedPolls();
    }

    /** Autonomous within guardrails (false) or recommend only (true): applied at the engine's next tick. */
    public void setRecommendOnly(boolean r) {
        if (r != recommendOnly.get()) {
            recommendOnly.set(r);
            if (session != null) {
                session.setRecommendOnly(r);
            }
        }
    }

    /**
     * "Pause when a request needs a human": the session pauses itself on the frame that raises an approval request,
     * so at any speed the request waits, as raised, for someone to read it (Play goes on). Takes effect at once.
     */
    public void setPauseOnRequest(boolean on) {
        pauseOnRequest.set(on);
        pauseOnRequestNow = on;
    }

    public ReadOnlyBooleanProperty pauseOnRequestProperty() {
        return pauseOnRequest.getReadOnlyProperty();
    }

    /** A new state folder takes effect at the next start (the running session keeps recording where it began). */
    public void setStateDir(String dir) {
        stateDir.set(dir);
    }

    public void setTheme(String name) {
        theme.set(ConsolePrefs.LIGHT.equals(name) ? ConsolePrefs.LIGHT : ConsolePrefs.DARK);
    }

    public ReadOnlyStringProperty themeProperty() {
        return theme.getReadOnlyProperty();
    }

    public void showError(String message) {
        notice.set(false);
        error.set(message);
    }

    /** News that is not a failure (a file saved): the same banner, in the info colour. */
    public void showNotice(String message) {
        error.set(message);
        notice.set(true);
    }

    /** Whether the banner's message is a notice rather than an error. */
    public ReadOnlyBooleanProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public void dismissError() {
        error.set(null);
    }

    @Override
    public void onSessionStart(SessionInfo s) {
        // this ViewModel starts live sessions itself; it only needs to know when a replay takes the views
        replaying = !s.live();
        cycles = 0;
        heartbeat.set("agent: starting");
    }

    @Override
    public void onFrames(FrameBatch batch) {
        Frame f = batch.latest();
        clock.set(formatClock(f.simMillis()));
        showHeartbeat(batch);
        if (replaying) {
            // a replay has its own status line; a recorded refusal or end is history, not news
            return;
        }
        for (Frame each : batch.frames()) {
            if (!each.commandErrors().isEmpty()) {
                showError("A command was refused: " + String.join("; ", each.commandErrors()));
            }
        }
        if (f.finished() && !finished.get()) {
            finished.set(true);
        }
        if (session != null && session.paused() && !paused.get()) {
            paused.set(true); // the session paused itself on a new approval request: the toolbar says so
        }
        updateStatus();
    }

    /** "agent: cycle 1,234 · 0.4 ms": the newest cycle of the batch, counted over the session. */
    private void showHeartbeat(FrameBatch batch) {
        io.payops.domain.AgentCycle last = null;
        for (Frame each : batch.frames()) {
            if (each.step() != null && each.step().cycle() != null) {
                cycles++;
                last = each.step().cycle();
            }
        }
        if (last != null) {
            heartbeat.set(String.format(Locale.ROOT, "agent: cycle %,d · %.1f ms", cycles, last.cycleNanos() / 1e6));
        }
    }

    private final ReadOnlyStringWrapper connectorsStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper connectorsDetail = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyBooleanWrapper connectorsFailing =
            new javafx.beans.property.ReadOnlyBooleanWrapper();

    /**
     * The connectors' health for the status line ("connectors: 3 ok", "connectors: router failing" or "connectors:
     * --metrics-port not running"), one line each in the detail in the words of its direction (a Kafka source:
     * "records read, outages, held"); empty when none runs. FX thread.
     */
    public void showConnectors(List<ConnectorHealth> health) {
        if (health.isEmpty()) {
            connectorsStatus.set("");
            connectorsDetail.set("");
            connectorsFailing.set(false);
            return;
        }
        List<String> problems = health.stream().filter(h -> !h.healthy())
                .map(h -> h.name().split(" ", 2)[0] + (h.running() ? " failing" : " not running")).toList();
        connectorsFailing.set(!problems.isEmpty());
        connectorsStatus.set(problems.isEmpty() ? "connectors: " + health.size() + " ok"
                : "connectors: " + String.join(", ", problems));
        StringBuilder b = new StringBuilder();
        for (ConnectorHealth h : health) {
            b.append(h.name()).append(": ").append(h.counts());
            if (!h.running()) {
                b.append("\n    ").append(h.notRunning());
            }
            if (h.lastError() != null) {
                b.append("\n    last failure: ").append(h.lastError());
            }
            b.append('\n');
        }
        connectorsDetail.set(b.toString().strip());
    }

    public ReadOnlyStringProperty connectorsStatusProperty() {
        return connectorsStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty connectorsDetailProperty() {
        return connectorsDetail.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyBooleanProperty connectorsFailingProperty() {
        return connectorsFailing.getReadOnlyProperty();
    }

    /** The agent's heartbeat for the status line: its cycle count and the last cycle's time. */
    public ReadOnlyStringProperty heartbeatProperty() {
        return heartbeat.getReadOnlyProperty();
    }

    static String formatClock(long simMillis) {
        long s = simMillis / 1000;
        return String.format(Locale.ROOT, "t = %d s (%d:%02d:%02d)", s, s / 3600, (s / 60) % 60, s % 60);
    }

    private void updateStatus() {
        String state = finished.get() ? "finished" : paused.get() ? "paused" : "running";
        status.set(String.format(Locale.ROOT, "%s · ×%s · %s", state, speedLabel(speed.get()),
                recommendOnly.get() ? "recommend only" : "autonomous within guardrails"));
    }

    public static String speedLabel(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    public SessionInfo session() {
        return info;
    }

    public ObservableList<String> scenarios() {
        return FXCollections.unmodifiableObservableList(scenarios);
    }

    public ReadOnlyStringProperty scenarioProperty() {
        return scenario.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty scenarioDescriptionProperty() {
        return scenarioDescription.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty seedTextProperty() {
        return seedText.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty speedProperty() {
        return speed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty recommendOnlyProperty() {
        return recommendOnly.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateDirProperty() {
        return stateDir.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty clockProperty() {
        return clock.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
