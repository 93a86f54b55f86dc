package org.signpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.signpost.platform.testing.Api;
import org.signpost.platform.testing.Api.Response;
import org.springdoc.core.events.SpringDocAppInitializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document against the controllers that serve it: every request mapping of every
 * controller is an operation a client can be written from (a tag, a summary, the roles of
 * docs/access.md, its success answer and every problem answer it can give, its required
 * parameters), the document says how to sign in, and each example body it gives is accepted by
 * the real endpoint with the answer the document promises.
 */
class ApiDocumentHttpTest extends AllInOneTest {

    private static final Pattern ROLES = Pattern.compile("Roles: ([A-Z_, ]+)\\.");
    private static final Map<String, String> USER_OF_ROLE = Map.of("MANAGER", "manager", "COORDINATOR", "coordinator",
            "LINK_WORKER", "linkworker", "ANALYST", "analyst", "AUDITOR", "auditor",
            "DATA_PROTECTION_OFFICER", "dpo");
    /** The operations that make a new resource (201 with its Location); every other command answers 200 or 202. */
    private static final Set<String> CREATIONS = Set.of("POST /api/referrals",
            "POST /api/participants/{participantId}/sessions", "POST /api/participants/{participantId}/missed-sessions",
            "POST /api/participants/{participantId}/contacts", "POST /api/participants/{participantId}/measures",
            "POST /api/participants/{participantId}/signposts",
            "POST /api/participants/{participantId}/safeguarding-concerns", "POST /api/session-tokens");
    /** Query parameters a handler refuses to go without (their absence is its own 400, not Spring's). */
    private static final Set<String> REQUIRED_QUERY = Set.of("GET /api/metrics/referral-rate from",
            "GET /api/metrics/referral-rate to", "GET /api/metrics/evaluation from", "GET /api/metrics/evaluation to");
    /** Reads sent as a POST (so that what is searched for is never in a URL): no command, no ETag, no 409. */
    private static final Set<String> QUERIES_BY_POST = Set.of("POST /api/people/search");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    ApplicationContext context;

    private JsonNode document;

    @BeforeEach
    void readTheDocument() {
        Response answer = api().as("analyst").get("/v3/api-docs");
        assertThat(answer.status()).isEqualTo(200);
        document = answer.json();
    }

    @Test
    void saysWhatSignpostIsAndHowToSignIn() {
        JsonNode info = document.path("info");
        assertThat(info.path("title").asText()).isEqualTo("Signpost");
        assertThat(info.path("version").asText()).isNotBlank().isNotEqualTo("v0");
        assertThat(info.path("description").asText()).contains("social prescribing").contains("Basic")
                .contains("bearer").contains("Authorize");
        JsonNode schemes = document.path("components").path("securitySchemes");
        assertThat(schemes.path("basic").path("type").asText()).isEqualTo("http");
        assertThat(schemes.path("basic").path("scheme").asText()).isEqualTo("basic");
        assertThat(schemes.path("bearer").path("type").asText()).isEqualTo("http");
        assertThat(schemes.path("bearer").path("scheme").asText()).isEqualTo("bearer");
        assertThat(schemes.path("bearer").path("bearerFormat").asText()).isEqualTo("JWT");
        Set<String> required = new TreeSet<>();
        document.path("security").forEach(alternative -> alternative.fieldNames().forEachRemaining(required::add));
        assertThat(required).as("either scheme signs in").containsExactly("basic", "bearer");
        assertThat(document.path("components").path("schemas").path("ProblemDetail").path("properties").has("errors"))
                .isTrue();
    }

    /** Every request mapping of every controller of the service, by method and path, with its handler. */
    private Map<String, HandlerMethod> operationsOfTheControllers() {
        Map<String, HandlerMethod> operations = new LinkedHashMap<>();
        mappings.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
            // The staff console's pages are pages, not operations of the API (docs/access.md, "The staff console").
            if (!handler.getBeanType().getPackageName().startsWith("org.signpost")
                    || handler.getBeanType().getPackageName().startsWith("org.signpost.console")
                    || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), Hidden.class)) {
                return;
            }
            for (String path : info.getPatternValues()) {
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    operations.put(method.name() + " " + path, handler);
                }
            }
        });
        return operations;
    }

    @Test
    void describesEveryOperationOfEveryController() {
        Map<String, Map<String, Set<String>>> table = RoleTable.read().allowedByPathAndMethod();
        Map<String, HandlerMethod> operations = operationsOfTheControllers();
        assertThat(operations).hasSizeGreaterThan(30);
        Set<String> tags = new LinkedHashSet<>();
        document.path("tags").forEach(tag -> tags.add(tag.path("name").asText()));
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(tags).as("tags by resource").contains("Referrals", "Participants", "Caseloads", "Metrics",
                "Audit", "Projections", "Erasure", "Integrity", "Sign-in");
        operations.forEach((operation, handler) -> {
            String method = operation.split(" ", 2)[0];
            String path = operation.split(" ", 2)[1];
            boolean postedQuery = QUERIES_BY_POST.contains(operation);
            JsonNode described = document.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
            if (described.isMissingNode()) {
                softly.fail("%s is not in the document", operation);
                return;
            }
            softly.assertThat(described.path("tags")).as(operation + " tags").hasSize(1);
            softly.assertThat(tags).as(operation + " tag").contains(described.path("tags").path(0).asText());
            softly.assertThat(described.path("summary").asText()).as(operation + " summary").isNotBlank();

            Matcher roles = ROLES.matcher(described.path("description").asText());
            Set<String> allowed = new TreeSet<>(table.getOrDefault(path, Map.of()).getOrDefault(method, Set.of()));
            softly.assertThat(roles.find() ? new TreeSet<>(Arrays.stream(roles.group(1).split(","))
                            .map(String::trim).toList()) : Set.of())
                    .as(operation + ": the roles in its description are those of docs/access.md")
                    .isNotEmpty().isEqualTo(allowed);

            JsonNode answers = described.path("responses");
            List<String> successes = new ArrayList<>();
            answers.fieldNames().forEachRemaining(code -> {
                if (code.startsWith("2")) {
                    successes.add(code);
                }
            });
            String success = CREATIONS.contains(operation) ? "201"
                    : operation.endsWith("/replay") ? "202" : "200";
            softly.assertThat(successes).as(operation + " success").containsExactly(success);
            boolean command = method.equals("POST") && path.startsWith("/api/") && !path.startsWith("/api/projections")
                    && !path.equals("/api/session-tokens");
            Set<String> headers = new TreeSet<>();
            answers.path(success).path("headers").fieldNames().forEachRemaining(headers::add);
            if (command && !postedQuery) {
                softly.assertThat(headers).as(operation + " success headers")
                        .containsAll(success.equals("201") ? List.of("ETag", "Location") : List.of("ETag"));
            }
            if (!method.equals("HEAD")) {
                softly.assertThat(answers.path(success).path("content").size()).as(operation + " success body")
                        .isPositive();
                answers.path(success).path("content").forEach(body -> softly.assertThat(body.path("schema"))
                        .as(operation + " success body schema").isNotEqualTo(objectSchema()));
            }

            Set<String> problems = new TreeSet<>(expectedProblems(handler, command && !postedQuery, path));
            Set<String> documented = new TreeSet<>();
            answers.fieldNames().forEachRemaining(code -> {
                if (code.startsWith("4") || code.startsWith("5")) {
                    documented.add(code);
                    if (method.equals("HEAD")) {
                        return; // no body to describe
                    }
                    softly.assertThat(answers.path(code).path("content").path("application/problem+json")
                                    .path("schema").path("$ref").asText())
                            .as(operation + " " + code + " is problem+json")
                            .isEqualTo("#/components/schemas/ProblemDetail");
                }
            });
            softly.assertThat(documented).as(operation + " problem answers").containsAll(problems);

            for (MethodParameter parameter : handler.getMethodParameters()) {
                parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
                PathVariable pathVariable = parameter.getParameterAnnotation(PathVariable.class);
                if (pathVariable != null) {
                    softly.assertThat(parameter(described, "path", parameter.getParameterName()).path("required")
                            .asBoolean()).as(operation + " path " + parameter.getParameterName()).isTrue();
                }
                RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
                if (query != null) {
                    String name = parameter.getParameterName();
                    softly.assertThat(parameter(described, "query", name).path("required").asBoolean())
                            .as(operation + " query " + name + " required")
                            .isEqualTo(REQUIRED_QUERY.contains(operation + " " + name));
                }
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    softly.assertThat(described.path("requestBody").path("required").asBoolean())
                            .as(operation + " body required").isTrue();
                    softly.assertThat(described.path("requestBody").path("content").path("application/json")
                            .has("example")).as(operation + " has an example body").isTrue();
                }
            }
            if (command && !postedQuery && path.contains("{")) {
                softly.assertThat(parameter(described, "header", "If-Match").isMissingNode())
                        .as(operation + " takes If-Match").isFalse();
            }
        });
        softly.assertAll();
    }

    /** What the handler can refuse, from its parameters: every operation's four, and those of its input. */
    private static Set<String> expectedProblems(HandlerMethod handler, boolean command, String path) {
        Set<String> problems = new TreeSet<>(Set.of("401", "403", "429", "503"));
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                problems.addAll(Set.of("400", "415"));
            }
            if (parameter.hasParameterAnnotation(RequestParam.class)) {
                problems.add("400");
            }
            if (parameter.hasParameterAnnotation(PathVariable.class) && !path.startsWith("/api/caseloads/")) {
                problems.add("404");
            }
        }
        if (command) {
            problems.add("409");
            if (path.contains("{")) {
                problems.add("412");
            }
        }
        return problems;
    }

    private static JsonNode parameter(JsonNode operation, String in, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("in").asText().equals(in) && parameter.path("name").asText().equals(name)) {
                return parameter;
            }
        }
        return MissingNode.getInstance();
    }

    private static JsonNode objectSchema() {
        return new ObjectMapper().createObjectNode().put("type", "object");
    }

    /**
     * Each example body, posted as it stands (ids of the records the examples make filled into the
     * paths), as a user of a role the operation's description names: every one is accepted, with
     * the success code and headers the document gives. The examples tell one young person's story,
     * so they are sent in its order.
     */
    @Test
    void everyExampleIsAcceptedByTheRealEndpoint() {
        Api api = api();
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("linkWorkerId", "lw-1");
        List<String> sent = new ArrayList<>();

        Response referral = send(api, "POST", "/api/referrals", ids, sent);
        ids.put("referralId", referral.text("referralId"));
        send(api, "POST", "/api/referrals/{referralId}/triage", ids, sent);
        Response assigned = send(api, "POST", "/api/referrals/{referralId}/assignment", ids, sent);
        ids.put("participantId", assigned.text("participantId"));
        for (String command : List.of("sessions", "missed-sessions", "contacts", "measures")) {
            send(api, "POST", "/api/participants/{participantId}/" + command, ids, sent);
        }
        Response signposted = send(api, "POST", "/api/participants/{participantId}/signposts", ids, sent);
        ids.put("signpostId", signposted.text("signpostId"));
        for (String command : List.of("signposts/{signpostId}/uptake", "link-worker", "extension")) {
            send(api, "POST", "/api/participants/{participantId}/" + command, ids, sent);
        }
        Response concern = send(api, "POST", "/api/participants/{participantId}/safeguarding-concerns", ids, sent);
        ids.put("concernId", concern.text("concernId"));
        for (String command : List.of("safeguarding-concerns/{concernId}/closure", "discharge", "erasure")) {
            send(api, "POST", "/api/participants/{participantId}/" + command, ids, sent);
        }
        // A second referral of the example, withdrawn before triage and then erased.
        ids.put("referralId", send(api, "POST", "/api/referrals", ids, sent).text("referralId"));
        send(api, "POST", "/api/referrals/{referralId}/withdrawal", ids, sent);
        send(api, "POST", "/api/referrals/{referralId}/erasure", ids, sent);
        send(api, "POST", "/api/projections/{name}/dead-letters/retry", ids, sent);
        send(api, "POST", "/api/projections/{name}/replay", ids, sent);
        awaitProjections(api);
        send(api, "POST", "/api/people/search", ids, sent);
        for (String query : List.of("/api/metrics/referral-rate", "/api/metrics/evaluation")) {
            send(api, "GET", query, ids, sent);
        }

        Set<String> withExamples = new TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            boolean example = operation.getValue().path("requestBody").path("content").path("application/json")
                    .has("example");
            boolean queryExample = false;
            for (JsonNode parameter : operation.getValue().path("parameters")) {
                queryExample |= parameter.path("in").asText().equals("query") && parameter.has("example");
            }
            if (example || queryExample) {
                withExamples.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        assertThat(new TreeSet<>(sent)).as("every operation with an example was tried").containsAll(withExamples);
    }

    /** One operation with the document's example: its body, its query parameters, its path's example values. */
    private Response send(Api api, String method, String path, Map<String, String> ids, List<String> sent) {
        JsonNode operation = document.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
        assertThat(operation.isMissingNode()).as(method + " " + path + " in the document").isFalse();
        Matcher roles = ROLES.matcher(operation.path("description").asText());
        assertThat(roles.find()).as(method + " " + path + " names its roles").isTrue();
        List<String> allowed = Arrays.stream(roles.group(1).split(",")).map(String::trim).toList();
        String user = USER_OF_ROLE.get(allowed.contains("MANAGER") ? "MANAGER" : allowed.get(0));

        String concrete = path;
        List<String> query = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            String name = parameter.path("name").asText();
            if (parameter.path("in").asText().equals("path")) {
                String value = ids.containsKey(name) ? ids.get(name) : parameter.path("example").asText();
                assertThat(value).as(path + " " + name).isNotBlank();
                concrete = concrete.replace("{" + name + "}", value);
            } else if (parameter.path("in").asText().equals("query") && parameter.has("example")) {
                query.add(name + "=" + parameter.path("example").asText());
            }
        }
        if (!query.isEmpty()) {
            concrete += "?" + String.join("&", query);
        }
        Response answer;
        if (method.equals("GET")) {
            answer = api.as(user).get(concrete);
        } else {
            JsonNode example = operation.path("requestBody").path("content").path("application/json").path("example");
            assertThat(example.isObject()).as(method + " " + path + " has an example body").isTrue();
            ObjectNode body = example.deepCopy();
            if (body.has("confirm")) {
                // The erasure's confirmation repeats the id of the path, as the example's path and body do.
                assertThat(body.path("confirm").asText()).isEqualTo(parameter(operation, "path",
                        path.contains("{referralId}") ? "referralId" : "participantId").path("example").asText());
                body.put("confirm", concrete.split("/")[3]);
            }
            answer = api.as(user).post(concrete, body);
        }
        String success = operation.path("responses").fieldNames().next();
        assertThat(answer.status()).as(method + " " + concrete + " as " + user + ": " + answer.body())
                .isEqualTo(Integer.parseInt(success));
        operation.path("responses").path(success).path("headers").fieldNames().forEachRemaining(header ->
                assertThat(answer.header(header)).as(method + " " + path + " " + header).isNotBlank());
        sent.add(method + " " + path);
        return answer;
    }

    /**
     * springdoc's start-up notice ("enabled by default... disable it in production") is not logged:
     * the API documents are on by a deliberate setting. Its initializers are run again here, as at
     * the start, with the service's logging.
     */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void springdocsStartUpNoticeIsNotLogged(CapturedOutput output) {
        Map<String, SpringDocAppInitializer> initializers = context.getBeansOfType(SpringDocAppInitializer.class);
        assertThat(initializers).as("api docs and Swagger UI").hasSize(2);
        initializers.values().forEach(SpringDocAppInitializer::init);
        assertThat(output.getAll()).doesNotContain("enabled by default").doesNotContain("SpringDoc");
        assertThat(context.getEnvironment().getProperty("springdoc.api-docs.enabled")).as("set on purpose")
                .isEqualTo("true");
        assertThat(context.getEnvironment().getProperty("springdoc.swagger-ui.enabled")).as("set on purpose")
                .isEqualTo("true");
    }

    @Test
    void theAddressItselfIsTheConsolesSignInWithoutABrowsersSignInPrompt() {
        Response address = api().anonymous().header("Accept", "text/html").get("/");
        assertThat(address.status()).isEqualTo(302);
        assertThat(address.header("Location")).endsWith("/sign-in");
        assertThat(address.header("WWW-Authenticate")).isNull();
        Response page = api().anonymous().header("Accept", "text/html").get("/sign-in");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("Sign in to Signpost");
        assertThat(document.path("paths").has("/sign-in")).as("a page, not an operation").isFalse();
    }
}
