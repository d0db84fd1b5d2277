package io.payops.connect;

import java.net.URI;

/** A connector's URL as messages and reports show it. */
public final class UrlText {
    private UrlText() {
    }

    /** Without a user's password or a query, where a token may hide: "https://host:9093/path?…". */
    public static String shown(URI url) {
        String port = url.getPort() < 0 ? "" : ":" + url.getPort();
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        return url.getScheme() + "://" + url.getHost() + port + path + (url.getRawQuery() == null ? "" : "?…");
    }
}
