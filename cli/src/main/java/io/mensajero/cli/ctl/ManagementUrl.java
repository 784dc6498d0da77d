package io.mensajero.cli.ctl;

import io.mensajero.cli.Errors;
import io.mensajero.client.Text;
import io.mensajero.client.MensajeroException;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Where the management API is and who we are there: {@code --management-url} (credentials may be
 * in it, percent-encoded), overridden by {@code --username}/{@code --password}; guest/guest by
 * default. {@link #toString()} never shows the password.
 */
record ManagementUrl(URI base, String username, String password) {
    static final String DEFAULT_USER = "guest";

    /** Parses the URL; a malformed one is a usage error (exit 2). */
    static ManagementUrl parse(String url, String username, String password) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw malformed(url, "ctl.error.url.notUrl");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw malformed(url, "ctl.error.url.scheme");
        }
        if (uri.getHost() == null) {
            throw malformed(url, "ctl.error.url.noHost");
        }
        String user = DEFAULT_USER;
        String pass = DEFAULT_USER;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            pass = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        path = path.replaceAll("/+$", "");
        if (path.endsWith("/api")) {
            path = path.substring(0, path.length() - "/api".length());
        }
        URI base = URI.create(scheme + "://" + hostPort(uri) + path);
        return new ManagementUrl(base, username != null ? username : user, password != null ? password : pass);
    }

    /** {@code base + "/api/" + path}; path segments are already percent-encoded. */
    URI api(String path) {
        return URI.create(base + "/api/" + path);
    }

    @Override
    public String toString() {
        return base.toString();
    }

    private static String hostPort(URI uri) {
        String host = uri.getHost();
        int port = uri.getPort();
        return port < 0 ? host : host + ":" + port;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static MensajeroException malformed(String url, String why) {
        return Errors.usage("ctl.error.url", withoutUserInfo(url), Text.of(why));
    }

    /** The URL as given, with any user:password@ taken out, for messages. */
    static String withoutUserInfo(String url) {
        return url.replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://)[^/@]*@", "$1");
    }
}
