package org.signpost.platform.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's parts that hold for every operation: what Signpost is, how to sign in
 * (Basic or a bearer JWT, so that Swagger UI's Authorize works), the resources' tags, the
 * problem+json schema, and the problem answers derived from each handler ({@link ProblemAnswers}).
 * Each side annotates its own controllers; this is shared by both.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {

    public static final String BASIC = "basic";
    public static final String BEARER = "bearer";
    public static final String PROBLEM_SCHEMA = "ProblemDetail";

    /** The tags, one a resource, in the order Swagger UI lists them. */
    public static final String REFERRALS = "Referrals";
    public static final String PARTICIPANTS = "Participants";
    public static final String CASELOADS = "Caseloads";
    public static final String METRICS = "Metrics";
    public static final String AUDIT = "Audit";
    public static final String INTEGRITY = "Integrity";
    public static final String ERASURE = "Erasure";
    public static final String PROJECTIONS = "Projections";
    public static final String SIGN_IN = "Sign-in";

    private static final String DESCRIPTION = """
            Signpost keeps the case records of a youth social prescribing service: referrals of young \
            people aged 11 to 18, their triage, the link workers' sessions, contacts, outcome measures and \
            signposting to voluntary and community activities, up to discharge; the caseloads, the audit \
            trail and the evaluation metrics are read models of that history.

            **Signing in.** Every operation needs a signed-in user; each operation's description names the \
            roles that may call it. Locally, use HTTP Basic with a user of the users file; \
            in production, a bearer JWT of the organisation's identity provider (role in the claim \
            `role`, a link worker's id in `linkWorkerId`). In Swagger UI press **Authorize** and fill in one \
            of the two.

            **Answers.** JSON; dates are `YYYY-MM-DD`, instants ISO-8601 UTC, ids UUIDs. Every error is \
            `application/problem+json` (RFC 9457) with `type`, `title`, `status`, `detail`, and for invalid \
            input `errors` naming each field. A command answers the record's new version in `ETag` and \
            takes `If-Match` to refuse a change made on a stale read (412). Reads are eventually \
            consistent: `GET /api/projections` says how far each read model is behind.""";

    @Bean
    OpenAPI signpostOpenApi() {
        String version = ApiDocumentation.class.getPackage().getImplementationVersion();
        return new OpenAPI()
                .info(new Info().title("Signpost").version(version == null ? "development" : version)
                        .description(DESCRIPTION))
                .tags(List.of(
                        tag(REFERRALS, "Referrals received, their triage, assignment to a link worker, withdrawal; "
                                + "the triage queue"),
                        tag(PARTICIPANTS, "A young person's support after assignment: sessions, contacts, "
                                + "measures, signposting, safeguarding, discharge"),
                        tag(CASELOADS, "Link workers' caseloads against capacity"),
                        tag(METRICS, "The evaluation's figures for any period, as of any instant"),
                        tag(AUDIT, "Every recorded event and every read of personal data"),
                        tag(INTEGRITY, "Whether the stored history and the read log are as they were sealed"),
                        tag(ERASURE, "Erasure of a young person's personal data, and the erasure log"),
                        tag(PROJECTIONS, "The read models: how far behind each is, replays and dead letters"),
                        tag(SIGN_IN, "A short-lived bearer token in exchange for a password (the staff console's sign-in)")))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("A user of the users file (local installations and tests)"))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("A JWT of the organisation's identity provider, when one is configured"))
                        .addSchemas(PROBLEM_SCHEMA, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    OperationCustomizer problemAnswers() {
        return new ProblemAnswers();
    }

    private static Tag tag(String name, String description) {
        return new Tag().name(name).description(description);
    }

    /** RFC 9457 as Problems writes it. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Schema fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().description("The field's JSON path in the request")
                        .example("youngPerson.dateOfBirth"))
                .addProperty("message", new StringSchema().example("must be in the past"));
        return new ObjectSchema()
                .description("An error (RFC 9457)")
                .addProperty("type", new StringSchema().format("uri").example("urn:signpost:problem:invalid-input"))
                .addProperty("title", new StringSchema().example("Invalid input"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("youngPerson.dateOfBirth: must be in the past"))
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("errors", new ArraySchema().items(fieldError)
                        .description("For invalid input: each field and what is wrong with it"))
                .required(List.of("type", "title", "status"));
    }
}
