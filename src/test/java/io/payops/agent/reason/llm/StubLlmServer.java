package io.payops.agent.reason.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.payops.common.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A scriptable HTTP server on 127.0.0.1 (ephemeral port) standing in for Gemini or an OpenAI-compatible endpoint,
 * so the real clients (and the real google-genai SDK) can be tested end to end.
 *
 * <pre>{@code
 * try (StubLlmServer stub = StubLlmServer.start()) {
 *     stub.enqueue(Reply.ok(StubLlmServer.geminiBody("{\"hypotheses\":[]}", 120, 30)));
 *     stub.enqueue(Reply.status(429, "{\"error\":{\"message\":\"slow down\"}}"));
 *     // gemini: base URL stub.baseUrl()   openai: base URL stub.baseUrl() + "/v1"
 *     ... stub.requests().get(0).header("x-goog-api-key") ...
 * }
 * }</pre>
 *
 * Every request, whatever its path, takes the next queued {@link Reply}; once the queue is empty it gets the
 * fallback (see {@link #fallback}; at first a 500 saying nothing was scripted). Every request is recorded, including
 * those whose reply is still being delayed.
 */
public final class StubLlmServer implements AutoCloseable {

    /**
     * What to answer: HTTP status, body (sent as application/json), how long to wait before answering, and headers
     * sent besides Content-Type.
     */
    public record Reply(int status, String body, long delayMillis, Map<String, String> headers) {
        public Reply {
            headers = Map.copyOf(headers);
        }

        public Reply(int status, String body, long delayMillis) {
            this(status, body, delayMillis, Map.of());
        }

        public static Reply ok(String body) {
            return new Reply(200, body, 0);
        }

        public static Reply status(int status, String body) {
            return new Reply(status, body, 0);
        }

        /** A redirect ({@code status} 301, 302, 307 or 308) to {@code location}, with a body saying so. */
        public static Reply redirect(int status, String location) {
            return new Reply(status, "{\"moved\": \"elsewhere\"}", 0, Map.of("Location", location));
        }

        /** This reply, sent after {@code millis}. */
        public Reply delayed(long millis) {
            return new Reply(status, body, millis, headers);
        }
    }

    /** One request as received: method, path (without the query), raw query (or ""), headers, body. */
    public record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {
        /** The first value of a header (case-insensitive name), or null. */
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** The body parsed as JSON. */
        public com.fasterxml.jackson.databind.JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("request body is not JSON: " + body, e);
            }
        }
    }

    private final HttpServer server;
    private final ExecutorService handlers;
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile java.util.function.Function<Request, Reply> responder =
            r -> Reply.status(500, "{\"error\":{\"message\":\"StubLlmServer: no reply scripted\"}}");

    private StubLlmServer(HttpServer server, ExecutorService handlers) {
        this.server = server;
        this.handlers = handlers;
    }

    /** A started server on 127.0.0.1 and a free port. */
    public static StubLlmServer start() {
        // without TCP_NODELAY every reply waits ~40 ms for a delayed ACK: the JDK server's documented switch
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            // one thread per request, so a delayed reply does not hold back the next request
            ExecutorService handlers = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "stub-llm");
                t.setDaemon(true);
                return t;
            });
            StubLlmServer stub = new StubLlmServer(server, handlers);
            server.createContext("/", stub::handle);
            server.setExecutor(handlers);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>}, no trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues replies, answered in order, one per request. */
    public StubLlmServer enqueue(Reply... replies) {
        synchronized (script) {
            script.addAll(List.of(replies));
        }
        return this;
    }

    /** The reply for every request once the queue is empty (e.g. always the same good answer). */
    public StubLlmServer fallback(Reply reply) {
        this.responder = r -> reply;
        return this;
    }

    /** Answers every request, once the queue is empty, from what it asked (e.g. echoing the prompt's data). */
    public StubLlmServer respond(java.util.function.Function<Request, Reply> responder) {
        this.responder = responder;
        return this;
    }

    /** Every request received so far, oldest first. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** A port on 127.0.0.1 that nothing listens on (bound then released), for connection-refused tests. */
    public static int closedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Gemini {@code generateContent} response whose answer text is {@code text}, with usageMetadata. */
    public static String geminiBody(String text, int promptTokens, int outputTokens) {
        ObjectNode root = Json.mapper().createObjectNode();
        ObjectNode candidate = root.putArray("candidates").addObject();
        ObjectNode content = candidate.putObject("content");
        content.putArray("parts").addObject().put("text", text);
        content.put("role", "model");
        candidate.put("finishReason", "STOP");
        candidate.put("index", 0);
        root.putObject("usageMetadata").put("promptTokenCount", promptTokens)
                .put("candidatesTokenCount", outputTokens).put("totalTokenCount", promptTokens + outputTokens);
        root.put("modelVersion", "stub");
        return write(root);
    }

    /** An OpenAI chat-completions response whose {@code choices[0].message.content} is {@code text}, with usage. */
    public static String openAiBody(String text, int promptTokens, int outputTokens) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("id", "chatcmpl-stub").put("object", "chat.completion").put("created", 0).put("model", "stub");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", text);
        choice.put("finish_reason", "stop");
        root.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", outputTokens)
                .put("total_tokens", promptTokens + outputTokens);
        return write(root);
    }

    private static String write(ObjectNode node) {
        try {
            return Json.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String query = exchange.getRequestURI().getRawQuery();
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    query == null ? "" : query, Map.copyOf(headers), body);
            requests.add(request);
            Reply reply;
            synchronized (script) {
                reply = script.poll();
            }
            if (reply == null) {
                reply = responder.apply(request);
            }
            if (reply.delayMillis() > 0) {
                try {
                    Thread.sleep(reply.delayMillis());
                } catch (InterruptedException e) {
                    return; // the server is closing
                }
            }
            byte[] bytes = reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            reply.headers().forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // the client gave up (timeout) and closed the connection: nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
