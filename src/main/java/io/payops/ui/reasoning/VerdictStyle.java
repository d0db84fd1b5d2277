package io.payops.ui.reasoning;

import io.payops.domain.GuardVerdict;
import javafx.css.PseudoClass;
import javafx.scene.Node;

/** The guardrail verdict as pseudo-classes ({@code :allow}, {@code :needs-approval}, {@code :block}) for the CSS. */
final class VerdictStyle {
    private static final PseudoClass ALLOW = PseudoClass.getPseudoClass("allow");
    private static final PseudoClass NEEDS_APPROVAL = PseudoClass.getPseudoClass("needs-approval");
    private static final PseudoClass BLOCK = PseudoClass.getPseudoClass("block");

    private VerdictStyle() {
    }

    /** Sets the pseudo-class of {@code kind} on the node and clears the others (all of them when kind is null). */
    static void mark(Node node, GuardVerdict.Kind kind) {
        node.pseudoClassStateChanged(ALLOW, kind == GuardVerdict.Kind.ALLOW);
        node.pseudoClassStateChanged(NEEDS_APPROVAL, kind == GuardVerdict.Kind.NEEDS_APPROVAL);
        node.pseudoClassStateChanged(BLOCK, kind == GuardVerdict.Kind.BLOCK);
    }
}
