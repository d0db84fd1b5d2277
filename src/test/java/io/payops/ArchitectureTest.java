package io.payops;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import io.payops.domain.UpwardImportFixture;
import io.payops.engine.Engine;
import io.payops.ui.RunLaterFixture;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DESIGN §4 as rules over the compiled main classes (JabRef's way: every rule says why). The layers, top to bottom,
 * follow the data flow: the entry point opens the console or runs a command; a run drives the engine and builds a
 * report; the engine ticks the agent over traffic from the simulator or an event log and records through the store;
 * the domain's records and the common JSON setup sit under everything. A layer may use any layer below it, never one
 * above; docs/ARCHITECTURE.md draws the same picture.
 */
class ArchitectureTest {
    /** Top to bottom; each layer is one package (with its sub-packages). */
    static final List<String[]> LAYERS = List.of(
            new String[]{"Entry", "io.payops", "io.payops.cli.."},
            new String[]{"Ui", "io.payops.ui.."},
            new String[]{"Run", "io.payops.run.."},
            new String[]{"Connect", "io.payops.connect.."},
            new String[]{"Engine", "io.payops.engine.."},
            new String[]{"Report", "io.payops.report.."},
            new String[]{"Ingest", "io.payops.ingest.."},
            new String[]{"Agent", "io.payops.agent.."},
            new String[]{"Policy", "io.payops.policy.."},
            new String[]{"Tickets", "io.payops.tickets.."},
            new String[]{"Store", "io.payops.store.."},
            new String[]{"Observe", "io.payops.observe.."},
            new String[]{"Sim", "io.payops.sim.."},
            new String[]{"Domain", "io.payops.domain.."},
            new String[]{"Common", "io.payops.common.."});

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.payops");
    }

    /** Each layer may be used only by the layers above it. */
    static ArchRule layers() {
        LayeredArchitecture rule = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String[] layer : LAYERS) {
            rule = rule.layer(layer[0]).definedBy(Arrays.copyOfRange(layer, 1, layer.length));
        }
        rule = rule.whereLayer(LAYERS.get(0)[0]).mayNotBeAccessedByAnyLayer();
        for (int i = 1; i < LAYERS.size(); i++) {
            String[] above = LAYERS.subList(0, i).stream().map(l -> l[0]).toArray(String[]::new);
            rule = rule.whereLayer(LAYERS.get(i)[0]).mayOnlyBeAccessedByLayers(above);
        }
        return rule.because("dependencies point down the data flow (DESIGN §4): a lower layer that knew a higher one "
                + "could not be tested, reused by the command line or replaced without it");
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layers().check(main);
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching("io.payops.(*)..").should().beFreeOfCycles()
                .because("a cycle makes two packages one: neither can be read, tested or moved alone")
                .check(main);
    }

    @Test
    void noCyclesBetweenTheAgentsSteps() {
        slices().matching("io.payops.agent.(*)..").should().beFreeOfCycles()
                .because("the agent's steps (detect, reason, decide, guard, act, learn, explain) run in order; a "
                        + "step that called back into an earlier one would hide a second path through the cycle")
                .check(main);
    }

    @Test
    void noCyclesBetweenTheConnectors() {
        slices().matching("io.payops.connect.(*)..").should().beFreeOfCycles()
                .because("each connector (alertmanager, metrics, routing, kafka) stands alone; only connect.all, "
                        + "which starts them, knows them all")
                .check(main);
        noClasses().that().resideInAPackage("io.payops.connect")
                .should().dependOnClassesThat().resideInAPackage("io.payops.connect.*..")
                .because("io.payops.connect is what every connector implements (Connector, its session, health and "
                        + "settings); it naming one connector would tie them all to it in a cycle")
                .check(main);
    }

    @Test
    void onlyTheUiImportsJavafx() {
        noClasses().that().resideOutsideOfPackage("io.payops.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "eu.hansolo..", "org.controlsfx..")
                .because("the engine is a library the command line uses headless; JavaFX stays in the console")
                .check(main);
    }

    /**
     * Only {@code ui.fx} (the FramePump, UiExecutor, BackgroundTask, NewestValue) hands work to the FX thread. A method
     * reference counts too: {@code Platform::runLater} passed as an executor is the crossing this rule replaced.
     */
    static ArchRule fxCrossings() {
        DescribedPredicate<JavaAccess<?>> runLater = DescribedPredicate.describe("Platform.runLater",
                access -> access.getTargetOwner().isEquivalentTo(Platform.class)
                        && access.getName().equals("runLater"));
        return noClasses().that().resideOutsideOfPackage("io.payops.ui.fx..")
                .should().accessTargetWhere(runLater)
                .because("the FX thread is reached one way (DESIGN §6): frames through the FramePump, other results "
                        + "through an injected UiExecutor, so nothing floods it with one update per event and "
                        + "ViewModel tests run without the FX toolkit");
    }

    @Test
    void onlyUiFxCallsRunLater() {
        fxCrossings().check(main);
    }

    @Test
    void theCrossingRuleCatchesARunLater() {
        // a fixture in the ui package that calls runLater itself: the rule must report it, or it guards nothing
        EvaluationResult result = fxCrossings().evaluate(new ClassFileImporter().importClasses(RunLaterFixture.class));
        assertTrue(result.hasViolation(), "the crossing rule let ui call Platform.runLater");
        String report = result.getFailureReport().toString();
        assertTrue(report.contains("RunLaterFixture.wrong("), report);
        assertTrue(report.contains("RunLaterFixture.alsoWrong("), "a method reference is a crossing too: " + report);
    }

    @Test
    void theDomainDoesNoIo() {
        noClasses().that().resideInAPackage("io.payops.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.net..")
                .because("the domain is the data every layer shares: records and enums that can be built in a test")
                .check(main);
    }

    @Test
    void theLayerRuleCatchesAnUpwardImport() {
        // a fixture in the domain's package that names the engine: the rule must report it, or it guards nothing
        JavaClasses wrong = new ClassFileImporter().importClasses(UpwardImportFixture.class, Engine.class);
        EvaluationResult result = layers().evaluate(wrong);
        assertTrue(result.hasViolation(), "the layer rule let the domain use the engine");
        assertTrue(result.getFailureReport().toString().contains("UpwardImportFixture"),
                result.getFailureReport().toString());
    }
}
