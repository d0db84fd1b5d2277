package io.payops.agent.reason.llm;

import java.net.URI;

/**
 * A 3xx answer to a call, which neither client follows: the request carries the API key in a header, and an HTTP
 * library that follows a redirect may send that header on to the new address (OkHttp, under google-genai, drops only
 * {@code Authorization} when the host changes, never {@code x-goog-api-key}). Even a redirect to the same origin is
 * refused: one rule with no exception is the one that cannot be got wrong. An {@link java.io.IOException} so that it
 * can leave OkHttp's interceptor chain inside the SDK; {@link #failure} is what the caller sees.
 */
final class RefusedRedirect extends java.io.IOException {
    private final int status;
    /** Where the redirect pointed, as an origin only, or why there is none to name. */
    private final String target;

    /**
     * @param request  the URL that was asked, to resolve a relative Location against
     * @param location the Location header as sent, or null
     */
    RefusedRedirect(int status, URI request, String location) {
        super("HTTP " + status + " redirect not followed");
        this.status = status;
        this.target = originOf(request, location);
    }

    /**
     * {@code scheme://host[:port]} of the Location, resolved against the request's URL: never its path, query or
     * user info, any of which could hold a key or a token.
     */
    static String originOf(URI request, String location) {
        if (location == null || location.isBlank()) {
            return "no Location";
        }
        try {
            URI to = request.resolve(location.strip());
            if (to.getScheme() == null || to.getHost() == null) {
                return "an unreadable Location";
            }
            return to.getScheme() + "://" + to.getHost() + (to.getPort() < 0 ? "" : ":" + to.getPort());
        } catch (IllegalArgumentException e) {
            return "an unreadable Location";
        }
    }

    /** A client error: asking again would be redirected again. */
    LlmFailure failure(Secret key, String provider) {
        return new LlmFailure(LlmFailure.Kind.CLIENT_ERROR, FailureText.of(key, provider, "HTTP " + status
                + " redirect to " + target + " not followed (a redirect could carry the API key to another host; set "
                + "the base URL to the address that answers)"));
    }
}
