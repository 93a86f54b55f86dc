package org.signpost.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.signpost.events.Need;
import org.signpost.platform.testing.Api.Response;
import org.signpost.query.testing.QuerySideTest;
import org.signpost.query.testing.Scenario;

/**
 * Every GET endpoint's query parameters and path variables filled with values a client should
 * not send (instants a billion years away, numbers beyond an int, negative pages, control,
 * bidirectional and unpaired-surrogate characters, very long text): never a 5xx, every refusal
 * a problem+json, every answer with the security headers. The seed is in each case's name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryParametersFuzzHttpTest extends QuerySideTest {

    private static final long SEED = Long.getLong("signpost.fuzz.seed", 20261202L);
    private static final int CASES = Integer.getInteger("signpost.fuzz.cases", 300);

    /** Values as they appear in a URL: already %-encoded where they need to be. */
    private static final List<String> VALUES = List.of("", "%20", "0", "-1", "1", "1000", "1001", "2147483647",
            "2147483648", "-2147483649", "99999999999999999999", "1e3", "0x10", "NaN", "null", "true",
            "2026-11-24", "2026-02-30", "2026-13-01", "0000-01-01", "0001-01-01", "9999-12-31", "-0001-01-01",
            "%2B10000-01-01", "-999999999-01-01", "%2B999999999-12-31", "1970-01-01T00:00:00Z",
            "-999999999-01-01T00:00:00Z", "%2B999999999-12-31T23:59:59.999999999Z", "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z", "2026-11-24T10:00:00%2B01:00", "2026-11-24T25:00:00Z", "PT1H",
            "%00", "a%00b", "%01", "%09", "%0A", "%0D%0A", "%7F", "%C2%85", "%C2%9B", "%E2%80%AA", "%E2%80%AE",
            "%E2%81%A6", "%E2%81%A9", "%E2%80%8F", "%E2%80%A8", "%ED%A0%80", "%EF%BF%BF", "%F0%9F%98%80", "%C3%A9",
            "%FF", "%25", "%25zz", "%27%3B--", "%22", "%3Cscript%3E", "..", "source", "linkWorker",
            "source,linkWorker", "source,source", ",", "%2C%2C", "lw-1", "LinkWorkerAssigned", "auditor",
            "x".repeat(5000), UUID.randomUUID().toString(), "00000000-0000-0000-0000-000000000000");

    /** A GET endpoint: who may call it, its path (with {} for a path variable) and its query parameters. */
    private record Endpoint(String user, String path, List<String> parameters) {
    }

    private final List<Endpoint> endpoints = List.of(
            new Endpoint("auditor", "/api/audit/events", List.of("from", "to", "actor", "type", "aggregateId", "page",
                    "size")),
            new Endpoint("auditor", "/api/audit/personal-data-reads", List.of("subjectId", "actor", "from", "to", "page",
                    "size")),
            new Endpoint("auditor", "/api/erasures", List.of("page", "size")),
            new Endpoint("auditor", "/api/audit/integrity", List.of("from")),
            new Endpoint("analyst", "/api/metrics/referral-rate", List.of("from", "to", "groupBy", "asOf")),
            new Endpoint("analyst", "/api/metrics/evaluation", List.of("from", "to", "asOf")),
            new Endpoint("analyst", "/api/projections", List.of("name")),
            new Endpoint("manager", "/api/triage-queue", List.of("page")),
            new Endpoint("manager", "/api/caseloads", List.of("linkWorkerId")),
            new Endpoint("manager", "/api/caseloads/{}", List.of()),
            new Endpoint("linkworker", "/api/caseloads/{}", List.of()),
            new Endpoint("auditor", "/api/referrals/{}", List.of()),
            new Endpoint("auditor", "/api/referrals/{}/history", List.of()),
            new Endpoint("manager", "/api/participants/{}", List.of()),
            new Endpoint("linkworker", "/api/participants/{}/history", List.of()));

    @BeforeAll
    void someHistory() {
        connect();
        Scenario scenario = new Scenario();
        scenario.participant(40, "lw-1", "Fuzz");
        scenario.referral(3, 15, List.of(Need.LONELINESS), "Query");
        append(scenario.events());
        awaitProjections();
    }

    @TestFactory
    Stream<DynamicTest> noQueryParameterGivesAServerError() {
        Random random = new Random(SEED);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
            String path = endpoint.path().replace("{}", value(random));
            StringBuilder query = new StringBuilder();
            for (String parameter : endpoint.parameters()) {
                if (random.nextInt(3) > 0) {
                    query.append(query.isEmpty() ? "?" : "&").append(parameter).append('=').append(value(random));
                }
            }
            String url = path + query;
            boolean csv = endpoint.path().endsWith("evaluation") && random.nextBoolean();
            String name = "#" + i + " (seed " + SEED + ") " + endpoint.user() + " GET "
                    + (url.length() > 120 ? url.substring(0, 120) + "..." : url) + (csv ? " as CSV" : "");
            tests.add(DynamicTest.dynamicTest(name, () -> {
                Response response = (csv ? api.as(endpoint.user()).header("Accept", "text/csv") : api.as(endpoint.user()))
                        .get(url);
                assertThat(response.status()).as(name + ": " + response.body()).isBetween(200, 499);
                if (response.status() >= 400) {
                    assertThat(response.contentType()).as(name).isEqualTo("application/problem+json");
                }
                RefusedRequestsHttpTest.assertHasSecurityHeaders(response);
            }));
        }
        return tests.stream();
    }

    private static String value(Random random) {
        String value = VALUES.get(random.nextInt(VALUES.size()));
        return random.nextInt(10) == 0 ? URLEncoder.encode(value, StandardCharsets.UTF_8) : value;
    }
}
