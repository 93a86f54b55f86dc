package org.signpost.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.signpost.app.console.PageClient;
import org.signpost.app.console.PageClient.Page;
import org.signpost.platform.testing.Api;
import org.signpost.platform.testing.Api.Response;

/** "Find a young person" in the console: the API's exact search, sent as a form, per role. */
class ConsoleFindHttpTest extends AllInOneTest {

    private static final String NHS_NUMBER = "485 777 3457";
    private static final String BORN = "2011-03-15";

    private String referredWithAnNhsNumber(String surname, String nhsNumber) {
        Map<String, Object> youngPerson = new LinkedHashMap<>();
        youngPerson.put("firstName", "Findable");
        youngPerson.put("lastName", surname);
        youngPerson.put("dateOfBirth", BORN);
        youngPerson.put("nhsNumber", nhsNumber);
        Response received = api().as("coordinator").post("/api/referrals", Map.of("source", "GP", "channel", "EMAIL",
                "receivedOn", LocalDate.now().minusDays(3).toString(), "youngPerson", youngPerson,
                "reasons", List.of("ANXIETY"), "needs", List.of("ANXIETY"), "consentGivenBy", "YOUNG_PERSON"));
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        String referralId = received.text("referralId");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api().as("coordinator").get("/api/referrals/" + referralId).status() == 200);
        return referralId;
    }

    private static Page byNhsNumber(PageClient client, String nhsNumber) {
        Page find = client.open("/find");
        return client.submit(find, "form[data-testid=by-nhs-number]", Map.of("nhsNumber", nhsNumber));
    }

    @Test
    void aCoordinatorFindsByNhsNumberOrBySurnameAndDateOfBirthWithoutEitherInAnAddress() {
        String referralId = referredWithAnNhsNumber("O'Findley", NHS_NUMBER);
        PageClient client = new PageClient(port);
        client.signIn("coordinator", Api.PASSWORD);
        Page found = byNhsNumber(client, NHS_NUMBER.replace(" ", ""));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.raw().uri().toString()).doesNotContain("485").endsWith("/find");
        assertThat(found.document().select("[data-testid=matches] a").eachAttr("href"))
                .containsExactly("/referrals/" + referralId);
        assertThat(found.document().select("[data-testid=matches]").text()).contains("Findable O'Findley", "15 March 2011");

        Page find = client.open("/find");
        Page byName = client.submit(find, "form[data-testid=by-name]", Map.of("surname", "  o'FINDLEY ",
                "dateOfBirth-day", "15", "dateOfBirth-month", "3", "dateOfBirth-year", "2011"));
        assertThat(byName.document().select("[data-testid=matches] a").eachAttr("href"))
                .containsExactly("/referrals/" + referralId);
        Page wrongDay = client.submit(find, "form[data-testid=by-name]", Map.of("surname", "O'Findley",
                "dateOfBirth-day", "16", "dateOfBirth-month", "3", "dateOfBirth-year", "2011"));
        assertThat(wrongDay.h1()).isEqualTo("Find a young person");
        assertThat(wrongDay.document().select("#matches").text()).isEqualTo("No one found");
    }

    @Test
    void whatIsNotAnNhsNumberOrADateIsSaidOnItsField() {
        PageClient client = new PageClient(port);
        client.signIn("coordinator", Api.PASSWORD);
        Page refused = byNhsNumber(client, "485 777 3456");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.document().select(".nhsuk-error-summary a").eachAttr("href"))
                .containsExactly("#by-nhs-number-nhsNumber");
        assertThat(refused.document().select("#by-nhs-number-nhsNumber").val()).isEqualTo("485 777 3456");
        Page find = client.open("/find");
        Page notADate = client.submit(find, "form[data-testid=by-name]", Map.of("surname", "Anyone",
                "dateOfBirth-day", "31", "dateOfBirth-month", "2", "dateOfBirth-year", "2011"));
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(notADate.document().select("#by-name-dateOfBirth-error").text()).contains("real date");
    }

    @Test
    void aLinkWorkerFindsOnlyTheirOwnAndAnAnalystCannotSearch() {
        String nhsNumber = "943 476 5919";
        referredWithAnNhsNumber("Notassigned", nhsNumber);
        PageClient linkWorker = new PageClient(port);
        linkWorker.signIn("linkworker", Api.PASSWORD);
        assertThat(byNhsNumber(linkWorker, nhsNumber).document().select("#matches").text()).isEqualTo("No one found");
        PageClient analyst = new PageClient(port);
        analyst.signIn("analyst", Api.PASSWORD);
        assertThat(analyst.get("/find").status()).isEqualTo(403);
    }

    @Test
    void aFormSentToAPageThatTakesNoneIsNotAFailure() {
        PageClient client = new PageClient(port);
        Page inbox = client.signIn("coordinator", Api.PASSWORD);
        Page refused = client.submit(inbox, "form[action='/sign-out']", Map.of());
        assertThat(refused.status()).isEqualTo(302);
        client.signIn("coordinator", Api.PASSWORD);
        Page page = client.open("/find");
        Map<String, String> fields = page.fields("form[data-testid=by-nhs-number]");
        Page notAForm = client.post("/inbox", Map.of("_csrf", fields.get("_csrf")));
        assertThat(notAForm.status()).isEqualTo(405);
        assertThat(notAForm.h1()).isEqualTo("Page not found");
    }
}
