package org.signpost.console.pages;

import static org.signpost.console.pages.FormInput.Kind.CHOICE;
import static org.signpost.console.pages.FormInput.Kind.DATE;
import static org.signpost.console.pages.FormInput.Kind.TEXT;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.signpost.console.api.ApiProblem;
import org.signpost.console.api.ConsoleUser;
import org.signpost.console.api.SignpostApi;
import org.signpost.console.pages.FormInput.Field;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The referral form: every field of POST /api/referrals. The API validates it (so the rules live
 * in one place); its refusals are shown field by field on the form, with what was typed kept.
 * Nothing is stored until the API accepts it. The form carries its referral's id from the start,
 * so that sending it twice (a double click, a resent page) records one referral.
 */
@Controller
class NewReferralPage {

    static final List<Field> FIELDS = List.of(
            new Field("source", "Source", CHOICE),
            new Field("channel", "Channel", CHOICE),
            new Field("receivedOn", "Date received", DATE),
            new Field("youngPerson.firstName", "First name", TEXT),
            new Field("youngPerson.lastName", "Last name", TEXT),
            new Field("youngPerson.dateOfBirth", "Date of birth", DATE),
            new Field("youngPerson.nhsNumber", "NHS number", TEXT),
            new Field("youngPerson.postcode", "Postcode", TEXT),
            new Field("youngPerson.school", "School", TEXT),
            new Field("youngPerson.phone", "Phone", TEXT),
            new Field("youngPerson.parentCarer.name", "Parent or carer's name", TEXT),
            new Field("youngPerson.parentCarer.phone", "Parent or carer's phone", TEXT),
            new Field("youngPerson.parentCarer.relationship", "Relationship to the young person", TEXT),
            new Field("referrer.name", "Referrer's name", TEXT),
            new Field("referrer.organisation", "Referrer's organisation", TEXT),
            new Field("referrer.role", "Referrer's role", TEXT),
            new Field("referrer.email", "Referrer's email", TEXT),
            new Field("referrer.phone", "Referrer's phone", TEXT),
            new Field("reasons", "At least one reason for referral", CHOICE),
            new Field("needs", "The young person's needs", CHOICE),
            new Field("consentGivenBy", "Who gave consent", CHOICE),
            new Field("notes", "Notes", TEXT),
            new Field("referralId", "Referral", TEXT));

    private final SignpostApi api;

    NewReferralPage(SignpostApi api) {
        this.api = api;
    }

    @GetMapping("/referrals/new")
    String form(Model model) {
        FormInput form = FormInput.empty(FIELDS);
        form.preset("referralId", UUID.randomUUID().toString());
        form.presetDate("receivedOn", BusinessDay.today());
        return show(form, model);
    }

    @PostMapping("/referrals")
    String receive(@RequestParam MultiValueMap<String, String> typed, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        FormInput form = new FormInput(typed, FIELDS);
        Map<String, Object> body = body(form);
        ConsoleUser user = ConsolePages.current();
        SignpostApi.Answer received;
        try {
            received = api.post(user, "/api/referrals", body);
        } catch (ApiProblem refused) {
            if (sentBefore(refused)) {
                return sendAsAnother(form, model, response);
            }
            if (refused.status() != 400 && !(refused.status() == 409 && !refused.errors().isEmpty())) {
                throw refused;
            }
            form.refuse(refused);
            response.setStatus(refused.status());
            return show(form, model);
        }
        if (form.hasErrors()) {
            // Cannot happen (a date the console could not read was sent as missing, which the API refuses).
            response.setStatus(400);
            return show(form, model);
        }
        String referralId = received.body().path("referralId").asText();
        // Read our own write: the referral page shows the referral just recorded.
        api.getAtLeast(user, "/api/referrals/" + referralId, received.version(), Duration.ofSeconds(5));
        redirect.addFlashAttribute("recorded", "Referral received");
        return "redirect:/referrals/" + referralId;
    }

    /**
     * Whether this form's referral was recorded before with other content: the page was sent,
     * then gone back to, changed and sent again. Its id belongs to the referral recorded then.
     */
    private static boolean sentBefore(ApiProblem refused) {
        return refused.status() == 409 && refused.errors().stream().anyMatch(error -> error.field().equals("referralId"));
    }

    /**
     * The form again, with what was typed and an id of its own: sent once more, it records another
     * referral, which the person decides knowingly (the one recorded first stays, linked from here).
     */
    private static String sendAsAnother(FormInput form, Model model, HttpServletResponse response) {
        model.addAttribute("recordedBefore", form.value("referralId"));
        form.replace("referralId", UUID.randomUUID().toString());
        form.refuse("form", "This form was sent before, and that referral is recorded. To record what is below as "
                + "another referral, check it and send it again.");
        response.setStatus(409);
        return show(form, model);
    }

    /** The API's body from what was typed: only the fields filled in; a date that is not one as missing. */
    private static Map<String, Object> body(FormInput form) {
        Map<String, Object> body = new LinkedHashMap<>();
        put(body, "referralId", form.given("referralId"));
        put(body, "source", form.given("source"));
        put(body, "channel", form.given("channel"));
        put(body, "receivedOn", iso(form.date("receivedOn", false)));
        Map<String, Object> youngPerson = new LinkedHashMap<>();
        for (String field : List.of("firstName", "lastName")) {
            put(youngPerson, field, form.given("youngPerson." + field));
        }
        put(youngPerson, "dateOfBirth", iso(form.date("youngPerson.dateOfBirth", false)));
        for (String field : List.of("nhsNumber", "postcode", "school", "phone")) {
            put(youngPerson, field, form.given("youngPerson." + field));
        }
        put(youngPerson, "parentCarer", group(form, "youngPerson.parentCarer.", "name", "phone", "relationship"));
        body.put("youngPerson", youngPerson);
        put(body, "referrer", group(form, "referrer.", "name", "organisation", "role", "email", "phone"));
        body.put("reasons", form.all("reasons"));
        body.put("needs", form.all("needs"));
        put(body, "consentGivenBy", form.given("consentGivenBy"));
        put(body, "notes", form.given("notes"));
        return body;
    }

    /** A group of optional fields (the referrer, a parent or carer): left out when none is filled in. */
    private static Map<String, Object> group(FormInput form, String prefix, String... fields) {
        Map<String, Object> group = new LinkedHashMap<>();
        for (String field : fields) {
            put(group, field, form.given(prefix + field));
        }
        return group.isEmpty() ? null : group;
    }

    private static void put(Map<String, Object> body, String name, Object value) {
        if (value != null) {
            body.put(name, value);
        }
    }

    private static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static String show(FormInput form, Model model) {
        model.addAttribute("pageTitle", form.hasErrors() ? "Error: New referral" : "New referral");
        model.addAttribute("form", form);
        return "console/new-referral";
    }
}
