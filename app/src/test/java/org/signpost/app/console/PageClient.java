package org.signpost.app.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.signpost.platform.testing.Api;

/**
 * A browser without a browser, for the fast page tests: real HTTP, a cookie jar, redirects
 * shown rather than followed, pages parsed by jsoup, and forms sent as a browser sends them
 * (their hidden fields, CSRF token included, plus what the test types).
 */
public final class PageClient {

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private final String forwardedFor;

    public PageClient(int port) {
        this(port, null);
    }

    /** A browser behind a proxy on the service's machine, which says the browser's address is {@code forwardedFor}. */
    public PageClient(int port, String forwardedFor) {
        this.forwardedFor = forwardedFor;
        this.baseUrl = "http://127.0.0.1:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** An answer: status, headers, and the page parsed. */
    public record Page(int status, HttpResponse<String> raw, Document document) {

        public String location() {
            return raw.headers().firstValue("Location").map(l -> l.replaceFirst("^https?://[^/]+", "")).orElse(null);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String text() {
            return document.text();
        }

        public String h1() {
            Element h1 = document.selectFirst("h1");
            return h1 == null ? null : h1.text();
        }

        /** The values of a form's inputs as the page has them (the hidden ones and any preset). */
        public Map<String, String> fields(String formSelector) {
            Element form = document.selectFirst(formSelector);
            if (form == null) {
                throw new AssertionError("No form " + formSelector + " in " + document.title());
            }
            Map<String, String> fields = new LinkedHashMap<>();
            form.select("input[name]").forEach(input -> {
                String type = input.attr("type");
                if ((type.equals("radio") || type.equals("checkbox")) && !input.hasAttr("checked")) {
                    return;
                }
                fields.put(input.attr("name"), input.val());
            });
            form.select("textarea[name]").forEach(area -> fields.put(area.attr("name"), area.val()));
            form.select("select[name]").forEach(select -> {
                Element chosen = select.selectFirst("option[selected]");
                fields.put(select.attr("name"), chosen == null ? "" : chosen.val());
            });
            return fields;
        }
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /** Gets the page, then follows its redirects as a browser would (GET), up to five. */
    public Page open(String path) {
        Page page = get(path);
        for (int i = 0; i < 5 && page.status() / 100 == 3; i++) {
            page = get(page.location());
        }
        return page;
    }

    /** Sends the form of {@code formSelector} on {@code page} with its own fields and those given. */
    public Page submit(Page page, String formSelector, Map<String, String> typed) {
        Map<String, String> fields = page.fields(formSelector);
        fields.putAll(typed);
        String action = page.document().selectFirst(formSelector).attr("action");
        return post(action.isEmpty() ? page.raw().uri().getPath() : action, fields);
    }

    /** A form post with exactly these fields (a CSRF token only if the test gives one). */
    public Page post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Signs in with the sign-in form, as a person would, and answers the page it leads to. */
    public Page signIn(String user, String password) {
        Page signIn = open("/sign-in");
        Page sent = submit(signIn, "form[action='/sign-in']", Map.of("username", user, "password", password));
        return sent.status() / 100 == 3 ? open(sent.location()) : sent;
    }

    /** A client of its own, signed in as this test user (their password is the test users' one). */
    public static PageClient signedIn(int port, String user) {
        PageClient client = new PageClient(port);
        client.signIn(user, Api.PASSWORD);
        return client;
    }

    public String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("signpost-session"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Replaces the session cookie, as a browser holding a session the server no longer has would send it. */
    public void useSessionCookie(String value) {
        cookies.getCookieStore().removeAll();
        HttpCookie cookie = new HttpCookie("signpost-session", value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(baseUrl), cookie);
    }

    private Page send(HttpRequest.Builder request) {
        try {
            if (forwardedFor != null) {
                request.header("X-Forwarded-For", forwardedFor);
            }
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response, Jsoup.parse(response.body(), baseUrl));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
