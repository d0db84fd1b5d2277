package io.payops.agent.act;

import io.payops.domain.ActionRecord;

import java.util.ArrayList;
import java.util.List;

/** What the verify step changed in one tick: action records to publish, and sentences for the explanation. */
public record VerifyResult(List<ActionRecord> records, List<String> sentences) {
    public static VerifyResult empty() {
        return new VerifyResult(new ArrayList<>(), new ArrayList<>());
    }
}
