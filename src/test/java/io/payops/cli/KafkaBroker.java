package io.payops.cli;

import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real Apache Kafka broker for a test: one KRaft node (broker and controller) on 127.0.0.1, from Apache Kafka's own
 * artifacts on the test classpath (org.apache.kafka:kafka_2.13), run as a JVM of its own after its storage is
 * formatted, as {@code kafka-storage.sh format} and {@code kafka-server-start.sh} would. Its output goes to a file in
 * its folder; {@link #close()} ends the process.
 */
final class KafkaBroker implements AutoCloseable {
    /** Formatting and starting a broker take a few seconds here; this only ends a wait for one that never comes up. */
    private static final long READY_SECONDS = 90;

    private final Path dir;
    private final int port;
    private Process process;

    private KafkaBroker(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** A port nothing listens on now (the OS's choice), for a broker to be started there later. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Formats a fresh log folder under {@code dir} and starts the broker on {@code port}; waits until it answers. */
    static KafkaBroker start(Path dir, int port) throws IOException, InterruptedException {
        KafkaBroker b = new KafkaBroker(dir, port);
        b.run();
        return b;
    }

    String bootstrap() {
        return "127.0.0.1:" + port;
    }

    private void run() throws IOException, InterruptedException {
        int controller = freePort();
        Path props = dir.resolve("server.properties");
        Files.writeString(props, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controller,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                // one node: the internal topics cannot have more replicas than that
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // several partitions, so the reader's merge of partitions in time order is exercised
                "num.partitions=3",
                "auto.create.topics.enable=true",
                ""));
        Path logback = dir.resolve("logback.xml");
        Files.writeString(logback, "<configuration><appender name=\"O\" class=\"ch.qos.logback.core.ConsoleAppender\">"
                + "<encoder><pattern>%d %-5level %logger - %msg%n</pattern></encoder></appender>"
                + "<root level=\"WARN\"><appender-ref ref=\"O\"/></root></configuration>");
        Process f = new ProcessBuilder(command(logback, "kafka.tools.StorageTool", "format", "-t",
                Uuid.randomUuid().toString(), "-c", props.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("format.log").toFile()).start();
        if (!f.waitFor(READY_SECONDS, TimeUnit.SECONDS) || f.exitValue() != 0) {
            f.destroyForcibly();
            fail("formatting the broker's storage failed:\n" + Files.readString(dir.resolve("format.log")));
        }
        process = new ProcessBuilder(command(logback, "kafka.Kafka", props.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("broker.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_SECONDS);
        while (!answers()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                close();
                fail("the Kafka broker did not come up on " + bootstrap() + ":\n"
                        + Files.readString(dir.resolve("broker.log")));
            }
            Thread.sleep(200);
        }
    }

    /** True when kcat gets the cluster's metadata from the broker. */
    private boolean answers() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("kcat", "-b", bootstrap(), "-L", "-m", "2")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    private static List<String> command(Path logback, String main, String... args) {
        List<String> c = new ArrayList<>();
        c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        c.add("-Xmx512m");
        c.add("-Dlogback.configurationFile=" + logback);
        c.add("-cp");
        // failsafe runs the tests from a manifest-only jar and names the real test classpath here
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        c.add(cp);
        c.add(main);
        c.addAll(List.of(args));
        return c;
    }

    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
