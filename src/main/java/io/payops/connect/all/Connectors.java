package io.payops.connect.all;

import io.payops.connect.Connector;
import io.payops.connect.ConnectorHealth;
import io.payops.connect.ConnectorSession;
import io.payops.connect.ConnectorSettings;
import io.payops.connect.alertmanager.AlertmanagerConnector;
import io.payops.connect.metrics.MetricsEndpoint;
import io.payops.connect.routing.RoutingConnector;
import io.payops.domain.Frame;
import io.payops.engine.LiveSession;
import io.payops.engine.SessionListener;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The connectors a process runs, started from {@link ConnectorSettings}, handed every session and every frame.
 * A failing connector never stops another, nor the engine: each catches its own trouble. The command line starts
 * them all or none ({@link #start}); the console starts what can start and says which could not
 * ({@link #startWhatCan}).
 */
public final class Connectors implements AutoCloseable {
    public static final Connectors NONE = new Connectors(List.of());

    private final List<Connector> connectors;
    /** The console's lenient start: those asked for that could not start, as {@link ConnectorHealth#notRunning}. */
    private final List<ConnectorHealth> refused;

    Connectors(List<Connector> connectors) {
        this(connectors, List.of());
    }

    private Connectors(List<Connector> connectors, List<ConnectorHealth> refused) {
        this.connectors = List.copyOf(connectors);
        this.refused = List.copyOf(refused);
    }

    /**
     * One connector a setting asks for: the option and its value as the user gave them ("--metrics-port", "9400"),
     * and how to start it (throwing IllegalArgumentException, naming the option, when it cannot).
     */
    private record Factory(String option, Object value, Supplier<Connector> start) {
        String asked() {
            return option + " " + value;
        }
    }

    /** The connectors {@code settings} asks for, in the order of ConnectorSettings: the one list both starts use. */
    private static List<Factory> factories(ConnectorSettings settings, Consumer<String> warnings) {
        List<Factory> f = new ArrayList<>();
        if (settings.alertmanager() != null) {
            f.add(new Factory("--alertmanager", settings.alertmanager(),
                    () -> AlertmanagerConnector.start(settings.alertmanager(), warnings)));
        }
        if (settings.metricsPort() != null) {
            f.add(new Factory("--metrics-port", settings.metricsPort(),
                    () -> MetricsEndpoint.start(settings.metricsPort(), warnings)));
        }
        if (settings.routingWebhook() != null) {
            f.add(new Factory("--routing-webhook", settings.routingWebhook(),
                    () -> RoutingConnector.webhook(settings.routingWebhook(), settings.routingSecretEnv(),
                            System::getenv, warnings)));
        }
        if (settings.routingFile() != null) {
            f.add(new Factory("--routing-file", settings.routingFile(),
                    () -> RoutingConnector.file(settings.routingFile(), warnings)));
        }
        return f;
    }

    /**
     * Starts what {@code settings} asks for, all or nothing (the command line: a setting that cannot work is bad
     * input).
     *
     * @param warnings where a connector says, once, that its other side is down or back (stderr, the banner)
     * @throws IllegalArgumentException when a setting cannot work (a port in use, a secret variable not set): the
     *                                  message names the option and what was expected; nothing is left running
     */
    public static Connectors start(ConnectorSettings settings, Consumer<String> warnings) {
        if (settings == null || !settings.any()) {
            return NONE;
        }
        List<Connector> started = new ArrayList<>();
        try {
            for (Factory f : factories(settings, warnings)) {
                started.add(f.start().get());
            }
            return new Connectors(started);
        } catch (RuntimeException e) {
            started.forEach(Connector::close);
            throw e;
        }
    }

    /**
     * Starts every connector {@code settings} asks for that can start (the console: one that cannot must not turn the
     * others off). Those that cannot are in {@link #refused()} and, as not running, in {@link #health()}.
     *
     * @param warnings as for {@link #start}
     */
    public static Connectors startWhatCan(ConnectorSettings settings, Consumer<String> warnings) {
        if (settings == null || !settings.any()) {
            return NONE;
        }
        List<Connector> started = new ArrayList<>();
        List<ConnectorHealth> refused = new ArrayList<>();
        for (Factory f : factories(settings, warnings)) {
            try {
                started.add(f.start().get());
            } catch (RuntimeException e) {
                // a setting that cannot work (IllegalArgumentException), or anything else that kept it from starting
                refused.add(ConnectorHealth.notRunning(f.asked(), reason(f.option(), e)));
            }
        }
        return new Connectors(started, refused);
    }

    /** Why in words, without a leading "OPTION: " when the entry's name gives that option already. */
    private static String reason(String option, RuntimeException e) {
        String message = e.getMessage();
        if (!(e instanceof IllegalArgumentException)) {
            return "cannot start (" + e.getClass().getSimpleName() + (message == null ? "" : ": " + message) + ")";
        }
        if (message == null) {
            return "cannot start";
        }
        return message.startsWith(option + ": ") ? message.substring(option.length() + 2) : message;
    }

    /**
     * The connectors asked for that could not start (only after {@link #startWhatCan}): each named by its option and
     * value ("--metrics-port 9400"), with why in {@link ConnectorHealth#notRunning()}.
     */
    public List<ConnectorHealth> refused() {
        return refused;
    }

    /**
     * For {@link io.payops.engine.LiveSession.Builder#listener}: each session's start, frames and end, told to every
     * connector, with the session's {@link LiveSession#submit} as the way back to its engine.
     */
    public SessionListener listener() {
        return new SessionListener() {
            @Override
            public void started(LiveSession session) {
                var scenario = session.scenario();
                // unrecorded: a simulated session is its scenario and seed; an event log or topic has no seed
                String id = session.sessionDir() != null ? session.sessionDir().getFileName().toString()
                        : session.openLoop() ? scenario.name() : scenario.name() + "-seed" + scenario.seed();
                sessionStarted(new ConnectorSession(id, scenario.name(), scenario.world(), session.openLoop(),
                        session::submit, session::eventClockOrigin, session::droppedFrames));
            }

            @Override
            public void frame(Frame frame) {
                for (Connector c : connectors) {
                    c.frame(frame);
                }
            }

            @Override
            public void ended(LiveSession session) {
                sessionEnded();
            }
        };
    }

    /** No connector runs (none asked for, or none could start). */
    public boolean isEmpty() {
        return connectors.isEmpty();
    }

    public void sessionStarted(ConnectorSession session) {
        for (Connector c : connectors) {
            c.sessionStarted(session);
        }
    }

    public void sessionEnded() {
        for (Connector c : connectors) {
            c.sessionEnded();
        }
    }

    /** Each running connector's health, then those that could not start (not running). Any thread, cheap. */
    public List<ConnectorHealth> health() {
        List<ConnectorHealth> all = new ArrayList<>(connectors.size() + refused.size());
        connectors.forEach(c -> all.add(c.health()));
        all.addAll(refused);
        return all;
    }

    @Override
    public void close() {
        for (Connector c : connectors) {
            c.close();
        }
    }
}
