package io.payops.agent.reason.llm;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** What a refused redirect says of where it pointed: the origin alone, never a path, query or user info. */
class RefusedRedirectTest {
    static final URI ASKED = URI.create("http://127.0.0.1:8080/v1/chat/completions");

    @Test
    void theLocationIsNamedByItsOriginOnly() {
        assertEquals("https://elsewhere.example:8443",
                RefusedRedirect.originOf(ASKED, "https://elsewhere.example:8443/v1/chat?key=fake-key#f"));
        assertEquals("https://elsewhere.example", RefusedRedirect.originOf(ASKED, "https://user:pw@elsewhere.example/p"));
        assertEquals("http://[::1]:9", RefusedRedirect.originOf(ASKED, " http://[::1]:9/x "));
    }

    @Test
    void aRelativeLocationIsResolvedAgainstTheAddressAsked() {
        assertEquals("http://127.0.0.1:8080", RefusedRedirect.originOf(ASKED, "/v2/chat/completions"));
        assertEquals("http://elsewhere.example", RefusedRedirect.originOf(ASKED, "//elsewhere.example/v1"));
    }

    @Test
    void aMissingOrUnreadableLocationIsSaidSo() {
        assertEquals("no Location", RefusedRedirect.originOf(ASKED, null));
        assertEquals("no Location", RefusedRedirect.originOf(ASKED, " "));
        assertEquals("an unreadable Location", RefusedRedirect.originOf(ASKED, "http://[::1/x"));
        assertEquals("an unreadable Location", RefusedRedirect.originOf(ASKED, "mailto:ops@example.com"));
    }

    @Test
    void theFailureIsAClientErrorNamingStatusAndOriginWithoutTheKey() {
        Secret key = Secret.of("fake-key-0123456789");
        LlmFailure f = new RefusedRedirect(307, ASKED, "http://elsewhere.example/x?k=fake-key-0123456789")
                .failure(key, "openai");

        assertEquals(LlmFailure.Kind.CLIENT_ERROR, f.kind());
        assertEquals("openai: HTTP 307 redirect to http://elsewhere.example not followed (a redirect could carry the "
                + "API key to another host; set the base URL to the address that answers)", f.getMessage());
        assertFalse(f.getMessage().contains("fake-key"), f.getMessage());
    }
}
