package io.payops.connect.routing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The test's own router: an HTTP server on 127.0.0.1 (a free port) that checks the signature of every request with
 * its own HMAC (the JDK's {@code Mac}, not the connector's code) and answers what the test scripted: a status per
 * request, then 200; or it holds requests until the test releases them (a slow router).
 */
public final class RoutingReceiver implements AutoCloseable {
    /** One request as received. */
    public record Request(String contentType, String signature, String idempotencyKey, byte[] body,
                          boolean signatureValid, int status) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final byte[] secret;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Integer> statuses = new ArrayDeque<>();
    private volatile CountDownLatch hold = new CountDownLatch(0);
    private final java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();

    private RoutingReceiver(String secret) throws IOException {
        this.secret = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    /** @param secret the HMAC secret every request must be signed with, or null for an unsigned webhook */
    public static RoutingReceiver start(String secret) throws IOException {
        return new RoutingReceiver(secret);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/routing";
    }

    /** The next requests get these statuses, in order; the ones after them 200. */
    public synchronized void answer(Integer... next) {
        statuses.addAll(List.of(next));
    }

    /** Requests from now on wait (unanswered) until {@link #release}. */
    public void holdRequests() {
        hold = new CountDownLatch(1);
    }

    public void release() {
        hold.countDown();
    }

    /** Requests answered so far (a held request is not). */
    public int answered() {
        return answered.get();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Requests answered 2xx. */
    public List<Request> accepted() {
        return requests.stream().filter(r -> r.status() / 100 == 2).toList();
    }

    private void handle(HttpExchange x) throws IOException {
        byte[] body;
        try (InputStream in = x.getRequestBody()) {
            body = in.readAllBytes();
        }
        String signature = x.getRequestHeaders().getFirst("X-PayOps-Signature");
        boolean valid = secret == null ? signature == null : expected(body).equals(signature);
        int status;
        synchronized (this) {
            status = statuses.isEmpty() ? 200 : statuses.poll();
        }
        requests.add(new Request(x.getRequestHeaders().getFirst("Content-Type"), signature,
                x.getRequestHeaders().getFirst("X-PayOps-Idempotency-Key"), body, valid, status));
        try {
            hold.await(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // a body that names the secret, as a careless router might: it must be thrown away unread
        byte[] answer = ("{\"status\": " + status + ", \"echo\": \"" + (secret == null ? "" : new String(secret,
                StandardCharsets.UTF_8)) + "\"}").getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, answer.length);
        x.getResponseBody().write(answer);
        x.close();
        answered.incrementAndGet();
    }

    /** The signature the sender should have sent, computed here on its own. */
    private String expected(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            StringBuilder hex = new StringBuilder("sha256=");
            for (byte b : mac.doFinal(body)) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls {@code condition} until it holds or a generous deadline passes; the verdict is the condition's. */
    public static boolean await(BooleanSupplier condition) throws Exception {
        return io.payops.testing.Await.holds(60, condition::getAsBoolean);
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        pool.shutdownNow();
    }
}
