package io.payops.connect.routing;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The signature a receiver checks, against values computed without our code. */
class WebhookSignatureTest {
    @Test
    void rfc4231TestCaseTwo() {
        // RFC 4231 §4.3: key "Jefe", data "what do ya want for nothing?"
        assertEquals("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                new WebhookSignature("Jefe").sign("what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void opensslAgreesOnADocument(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")),
                "openssl is not installed: the RFC 4231 vector above still checks the HMAC");
        String secret = "whsec-test-1f2e3d";
        byte[] body = "{\"schema\":\"payops.routing-change.v1\",\"why\":\"naïve € body\"}".getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("body.json");
        Files.write(file, body);
        Process p = new ProcessBuilder("/usr/bin/openssl", "dgst", "-sha256", "-hmac", secret, "-r", file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, out);
        assertEquals("sha256=" + out.split(" ")[0].strip(), new WebhookSignature(secret).sign(body));
    }

    @Test
    void theSecretIsNeverPrintedAndNeverEmpty() throws IOException {
        WebhookSignature s = new WebhookSignature("whsec-do-not-print");
        assertFalse(s.toString().contains("do-not-print"), s.toString());
        assertThrows(IllegalArgumentException.class, () -> new WebhookSignature(""));
    }
}
