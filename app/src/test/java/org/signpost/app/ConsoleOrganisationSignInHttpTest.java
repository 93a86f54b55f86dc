package org.signpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.signpost.app.console.PageClient;
import org.signpost.app.console.PageClient.Page;
import org.signpost.app.console.TestIdentityProvider;
import org.signpost.app.console.TestIdentityProvider.Person;

/**
 * "Sign in with your organisation": OpenID Connect with PKCE against a test identity provider
 * whose tokens the API accepts, the person then working as any other (their role, their own
 * caseload), and an account without a Signpost role turned away.
 */
class ConsoleOrganisationSignInHttpTest extends AllInOneTest {

    /** The console's redirect to the provider, the provider's back, and the console's last: the page reached. */
    private static Page signInWithOrganisation(PageClient client) {
        Page signIn = client.open("/sign-in");
        String link = signIn.document().select("a:contains(Sign in with your organisation)").attr("href");
        assertThat(link).isEqualTo("/sign-in/organisation");
        Page toConsolesRedirect = client.get(link);
        Page toProvider = client.get(toConsolesRedirect.location());
        String authorization = toProvider.raw().headers().firstValue("Location").orElseThrow();
        assertThat(authorization).startsWith(TestIdentityProvider.get().issuer() + "/authorize?");
        URI back = TestIdentityProvider.follow(authorization);
        Page signedIn = client.get(back.getRawPath() + "?" + back.getRawQuery());
        assertThat(signedIn.status()).isEqualTo(302);
        return client.open(signedIn.location());
    }

    @Test
    void aLinkWorkerOfTheOrganisationSignsInWithPkceAndSeesTheirOwnCaseload() {
        String participantId = enrolledOfLinkWorkerOne(api(), "Oidcia", "Federation").get("participantId");
        TestIdentityProvider.get().signInNext(new Person("lee.fed", "LINK_WORKER", "lw-1"));
        PageClient client = new PageClient(port);
        Page caseload = signInWithOrganisation(client);
        assertThat(TestIdentityProvider.get().lastAuthorization())
                .containsEntry("code_challenge_method", "S256").containsKey("code_challenge")
                .containsEntry("client_id", TestIdentityProvider.CLIENT_ID);
        assertThat(caseload.raw().uri().getPath()).isEqualTo("/caseload");
        assertThat(caseload.document().select("[data-testid=signed-in-as]").text()).isEqualTo("lee.fed (Link worker)");
        assertThat(caseload.document().select("[data-testid=caseload] a").eachAttr("href"))
                .contains("/participants/" + participantId);
        // The API saw the provider's token: the read is logged as the provider's user.
        assertThat(client.get("/participants/" + participantId).status()).isEqualTo(200);
        assertThat(api().as("auditor").get("/api/audit/personal-data-reads?subjectId=" + participantId).body())
                .contains("idp:lee.fed");
    }

    @Test
    void anAccountWithoutASignpostRoleIsTurnedAway() {
        TestIdentityProvider.get().signInNext(new Person("no.role", null, null));
        PageClient client = new PageClient(port);
        Page refused = signInWithOrganisation(client);
        assertThat(refused.h1()).isEqualTo("Sign in to Signpost");
        assertThat(refused.document().select(".nhsuk-error-summary").text()).contains("has no role in Signpost");
        assertThat(client.get("/").status()).isEqualTo(302);
    }
}
