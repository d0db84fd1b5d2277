package io.payops.connect.all;

import io.payops.connect.Connector;
import io.payops.connect.ConnectorHealth;
import io.payops.connect.ConnectorSession;
import io.payops.connect.ConnectorSettings;
import io.payops.connect.routing.RoutingConnector;
import io.payops.domain.Frame;
import io.payops.engine.LiveSession;
import io.payops.engine.SessionListener;
import io.payops.connect.metrics.MetricsEndpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The connectors a process runs, started from {@link ConnectorSettings}, handed every session and every frame.
 * A failing connector never stops another, nor the engine: each catches its own trouble.
 */
public final class Connectors implements AutoCloseable {
    public static final Connectors NONE = new Connectors(List.of());

    private final List<Connector> connectors;

    Connectors(List<Connector> connectors) {
        this.connectors = List.copyOf(connectors);
    }

    /**
     * Starts what {@code settings} asks for.
     *
     * @param warnings where a connector says, once, that its other side is down or back (stderr, the banner)
     * @throws IllegalArgumentException when a setting cannot work (a port in use, a secret variable not set): the
     *                                  message names the option and what was expected
     */
    public static Connectors start(ConnectorSettings settings, Consumer<String> warnings) {
        if (settings == null || !settings.any()) {
            return NONE;
        }
        List<Connector> started = new ArrayList<>();
        try {
            // each connector's factory line goes here, in the order of ConnectorSettings
            if (settings.alertmanager() != null) {
                started.add(io.payops.connect.alertmanager.AlertmanagerConnector.start(settings.alertmanager(), warnings));
            }
            if (settings.metricsPort() != null) {
                started.add(MetricsEndpoint.start(settings.metricsPort(), warnings));
            }
            if (settings.routingWebhook() != null) {
                started.add(RoutingConnector.webhook(settings.routingWebhook(), settings.routingSecretEnv(),
                        System::getenv, warnings));
            }
            if (settings.routingFile() != null) {
                started.add(RoutingConnector.file(settings.routingFile(), warnings));
            }
            return new Connectors(started);
        } catch (RuntimeException e) {
            started.forEach(Connector::close);
            throw e;
        }
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
                String id = session.sessionDir() != null ? session.sessionDir().getFileName().toString()
                        : scenario.name() + "-seed" + scenario.seed();
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

    public List<ConnectorHealth> health() {
        return connectors.stream().map(Connector::health).toList();
    }

    @Override
    public void close() {
        for (Connector c : connectors) {
            c.close();
        }
    }
}
