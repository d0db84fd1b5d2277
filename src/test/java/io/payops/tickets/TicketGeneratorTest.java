package io.payops.tickets;

import io.payops.domain.ApprovalMode;
import io.payops.domain.MigrationStage;
import io.payops.domain.Ticket;
import io.payops.domain.TicketCategory;
import io.payops.domain.TicketCluster;
import io.payops.domain.TicketSettings;
import io.payops.domain.TriageStep;
import io.payops.sim.World;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TicketGeneratorTest {
    private static List<Ticket> generate(TicketSettings settings, long seed, long untilMillis, long tickMillis) {
        TicketGenerator g = new TicketGenerator(settings, seed, World.defaultWorld().merchants());
        List<Ticket> out = new ArrayList<>();
        for (long t = 0; t < untilMillis; t += tickMillis) {
            out.addAll(g.advance(t, t + tickMillis, List.of()));
        }
        return out;
    }

    private static TicketTriage triage() {
        return new TicketTriage(TriageSettings.DEFAULT.withApprovalMode(ApprovalMode.MANUAL), TicketFixtures.MERCHANTS);
    }

    @Test
    void theSameSeedGivesTheSameTicketsWhateverTheTickLength() {
        TicketSettings s = new TicketSettings(3, MigrationStage.STOREFRONT_CUTOVER, 6, 4, 0.6);
        List<Ticket> a = generate(s, 11, 3_600_000, 1_000);
        assertEquals(a, generate(s, 11, 3_600_000, 1_000));
        assertEquals(a, generate(s, 11, 3_600_000, 60_000));
        assertTrue(a.size() > 150, "tickets: " + a.size());
        for (int i = 1; i < a.size(); i++) {
            assertTrue(a.get(i - 1).atMillis() <= a.get(i).atMillis());
        }
    }

    @Test
    void noiseAloneVariesAndMakesNoCluster() {
        for (long seed = 1; seed <= 20; seed++) {
            TicketGenerator g = new TicketGenerator(TicketSettings.noiseOnly(3, MigrationStage.STOREFRONT_CUTOVER),
                    seed, World.defaultWorld().merchants());
            List<TriageStep> steps = TicketFixtures.run(g, triage(), 3_600_000, 1_000, TicketFixtures.QUIET);
            List<Ticket> tickets = steps.stream().flatMap(s -> s.newTickets().stream()).toList();
            assertTrue(tickets.size() > 120, "seed " + seed + ": " + tickets.size());
            Set<TicketCategory> categories = tickets.stream().map(Ticket::category).collect(Collectors.toSet());
            assertTrue(categories.size() >= 6, categories.toString());
            long signatures = tickets.stream().map(Ticket::signature).distinct().count();
            assertTrue(signatures > tickets.size() * 0.95, signatures + " signatures for " + tickets.size());
            assertEquals(List.of(), TicketFixtures.distinctClusters(steps), "seed " + seed);
            assertEquals(List.of(), TicketFixtures.finalActions(steps), "seed " + seed);
        }
    }

    @Test
    void burstsFromTheSettingsBecomeClusters() {
        TicketGenerator g = new TicketGenerator(new TicketSettings(1, MigrationStage.DATA_MIGRATION, 3, 4, 0), 5,
                World.defaultWorld().merchants());
        List<TicketCluster> clusters = TicketFixtures.distinctClusters(
                TicketFixtures.run(g, triage(), 2 * 3_600_000, 1_000, TicketFixtures.QUIET));
        assertTrue(clusters.size() >= 2, clusters.toString());
        assertTrue(clusters.stream().allMatch(c -> c.merchants().size() >= 3 && c.rootCause() != null));
    }

    @Test
    void theStageShapesTheMix() {
        List<Ticket> migration = generate(TicketSettings.noiseOnly(10, MigrationStage.DATA_MIGRATION), 3, 3_600_000, 1_000);
        List<Ticket> cutover = generate(TicketSettings.noiseOnly(10, MigrationStage.STOREFRONT_CUTOVER), 3, 3_600_000, 1_000);
        assertTrue(share(migration, TicketCategory.INVENTORY_SYNC) > share(cutover, TicketCategory.INVENTORY_SYNC));
        assertTrue(share(cutover, TicketCategory.WEBHOOK_TIMEOUT) > share(migration, TicketCategory.WEBHOOK_TIMEOUT));
        assertTrue(migration.stream().allMatch(t -> t.stage() == MigrationStage.DATA_MIGRATION));
    }

    private static double share(List<Ticket> tickets, TicketCategory c) {
        return tickets.stream().filter(t -> t.category() == c).count() / (double) tickets.size();
    }
}
