package io.payops.connect.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One scrape of {@code /metrics} over HTTP, as Prometheus does it, parsed from the text format. */
record Scrape(String text, List<Sample> samples) {
    /** One line of the text format: a series and its value. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    static Scrape of(int port) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return parse(r.body());
    }

    static Scrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            String name;
            Map<String, String> labels = new TreeMap<>();
            if (brace >= 0 && brace < space) {
                name = line.substring(0, brace);
                String body = line.substring(brace + 1, line.lastIndexOf('}'));
                // our label values hold no quotes or commas: split on the pairs
                for (String pair : body.split("\",")) {
                    if (pair.isBlank()) {
                        continue;
                    }
                    int eq = pair.indexOf('=');
                    labels.put(pair.substring(0, eq), pair.substring(eq + 2).replaceAll("\"$", ""));
                }
            } else {
                name = line.substring(0, space);
            }
            samples.add(new Sample(name, labels, Double.parseDouble(line.substring(space + 1).trim())));
        }
        return new Scrape(text, samples);
    }

    List<Sample> series(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** The value of the one series with these labels; fails if there is none. */
    double value(String name, String... labelPairs) {
        Map<String, String> want = new LinkedHashMap<>();
        for (int i = 0; i < labelPairs.length; i += 2) {
            want.put(labelPairs[i], labelPairs[i + 1]);
        }
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(want))
                .mapToDouble(Sample::value).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + want + " in:\n" + text));
    }

    boolean has(String name) {
        return samples.stream().anyMatch(s -> s.name().equals(name));
    }

    double sum(String name) {
        return series(name).stream().mapToDouble(Sample::value).sum();
    }
}
