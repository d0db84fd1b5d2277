package io.payops.cli;

import io.payops.common.BadInputException;
import io.payops.common.Excerpt;
import io.payops.domain.ApprovalMode;
import picocli.CommandLine.Option;

/**
 * {@code --approval auto:SECONDS|never}: how a headless command ({@code run}, {@code ingest}) answers approval
 * requests, one rule and one message for both. {@code manual} is refused: it leaves requests to a person, and only
 * the console has one; a headless run would leave every request pending, its actions never taken, and say nothing.
 */
public final class ApprovalOption {
    @Option(names = "--approval", defaultValue = "auto:60", paramLabel = "auto:SECONDS|never",
            description = "How approval requests are answered: auto:SECONDS has a simulated operator approve each that "
                    + "many simulated seconds after it was raised (0 to 86400); never rejects them all. Default: "
                    + "${DEFAULT-VALUE}.")
    String approval = "auto:60";

    static final String EXPECTED = "expected auto:SECONDS with SECONDS from 0 to 86400, or never";

    /** @throws BadInputException when it is not auto:SECONDS or never */
    public ApprovalMode mode() {
        ApprovalMode mode;
        try {
            mode = ApprovalMode.parse(approval);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--approval: '" + Excerpt.of(approval) + "' is not an approval mode ("
                    + EXPECTED + ")");
        }
        if (mode.kind() == ApprovalMode.Kind.MANUAL) {
            throw new BadInputException("--approval: 'manual' leaves each request to a person, and only the console "
                    + "has one; here nobody would answer and every request would stay pending (" + EXPECTED
                    + "; open the console to approve by hand)");
        }
        return mode;
    }
}
