package io.payops.foreign;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/**
 * A second, independent traffic source for tests: payment logs as other teams' Python simulators write them, one
 * attempt per line, noisy from the first second, with the faults injected into them known. It shares nothing with
 * io.payops.sim on purpose: a detector tuned against one simulator's habits is checked against another's.
 */
public final class NoisyForeignGenerator {
    private NoisyForeignGenerator() {
    }

    /**
     * @param forceStanding give the world a standing bad issuer even when the seed's own coin says no (the rest of
     *                      the world is the same either way)
     */
    public static NoisyLog generate(long seed, boolean forceStanding) {
        Plan plan = Planner.plan(seed, forceStanding);
        List<Attempt> lines = Traffic.run(plan);
        int successes = 0;
        int payments = 0;
        for (Attempt a : lines) {
            successes += a.outcome().success() ? 1 : 0;
            payments = Math.max(payments, a.payment());
        }
        World w = plan.world();
        List<InjectedFault> faults = plan.faults().stream().map(e -> e.asFault(w)).toList();
        List<NoiseEpisode> noise = plan.noise().stream().map(e -> e.asNoise(w)).toList();
        return new NoisyLog(plan.seed(), plan.startEpochMillis(), plan.durationSeconds(), w, faults,
                standing(plan, lines), payments, lines.size(), successes, noise, lines);
    }

    /** The standing issuer's measured rate against all other issuers together. */
    private static Optional<StandingCondition> standing(Plan plan, List<Attempt> lines) {
        int s = plan.standingIssuer();
        if (s < 0) {
            return Optional.empty();
        }
        long[] n = new long[2];
        long[] ok = new long[2];
        for (Attempt a : lines) {
            int k = a.issuer() == s ? 0 : 1;
            n[k]++;
            ok[k] += a.outcome().success() ? 1 : 0;
        }
        return Optional.of(new StandingCondition("issuer", plan.world().issuers().get(s), (double) ok[0] / n[0],
                (double) ok[1] / n[1]));
    }

    /** Writes the log in a shape; gzipped when the file name ends with .gz. Same log, same shape: same bytes. */
    public static void write(NoisyLog log, ForeignShape shape, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream raw = Files.newOutputStream(file);
             OutputStream out = file.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw;
             Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            String header = shape.dialect.header();
            if (header != null) {
                w.write(header);
                w.write('\n');
            }
            StringBuilder b = new StringBuilder(256);
            for (Attempt a : log.lines()) {
                b.setLength(0);
                shape.dialect.line(b, a, log);
                b.append('\n');
                w.append(b);
            }
        }
    }

    /** By hand: {@code seed shape out-file [standing=true]}; prints the ground truth (and the mapping to use). */
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: NoisyForeignGenerator SEED SHAPE OUT_FILE[.gz] [standing=true]\n  shapes: "
                    + List.of(ForeignShape.values()));
            System.exit(2);
        }
        long seed = Long.parseLong(args[0]);
        ForeignShape shape = ForeignShape.valueOf(args[1].toUpperCase(java.util.Locale.ROOT));
        Path out = Path.of(args[2]);
        boolean standing = args.length > 3 && args[3].equalsIgnoreCase("standing=true");
        NoisyLog log = generate(seed, standing);
        write(log, shape, out);
        System.out.print(log.describe());
        List<String> notes = new ArrayList<>();
        notes.add("wrote " + out + " as " + shape + " (dimensions " + shape.dimensions() + ")");
        if (!shape.mapArgs().isEmpty()) {
            notes.add("ingest with: " + String.join(" ", shape.mapArgs()));
        }
        if (shape.mappingJson() != null) {
            notes.add("mapping file: " + shape.mappingJson());
        }
        notes.forEach(System.out::println);
    }
}
