package org.signpost.console.pages;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.signpost.console.api.ApiProblem;
import org.signpost.console.api.SignpostApi;
import org.signpost.console.pages.FormInput.Field;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filters of an auditor's search (the audit trail, the read log), as a GET form fills them
 * in: a referral's or participant's reference ({@code person}), a user, an event type, and the
 * days from and to. What is not a reference, a date or an event type is said on its field before
 * the API is asked; what the API refuses lands on the field it names.
 */
final class AuditFilters {

    /** Rows per page: the API's pages, asked for this size. */
    static final int PAGE_SIZE = 50;

    private final MultiValueMap<String, String> typed;
    private final FormInput form;
    private final LocalDate from;
    private final LocalDate to;
    private final String personParameter;

    /** @param personParameter the API's name of the reference: {@code aggregateId}, {@code subjectId} */
    AuditFilters(MultiValueMap<String, String> typed, List<Field> fields, String personParameter) {
        this.typed = typed;
        this.form = new FormInput(typed, fields);
        this.personParameter = personParameter;
        String person = form.given("person");
        if (person != null && !reference(person)) {
            form.refuse("person", "Reference must be a referral's or a participant's reference, 36 characters "
                    + "such as 3f2504e0-4f89-11d3-9a0c-0305e82c3301");
        }
        String type = form.given("type");
        if (type != null && !Timeline.types().contains(type)) {
            form.refuse("type", "Select an event type from the list");
        }
        this.from = form.date("from", false);
        this.to = form.date("to", false);
        if (from != null && to != null && to.isBefore(from)) {
            form.refuse("to", "The last day must be the same as the first day or after it");
        }
    }

    FormInput form() {
        return form;
    }

    /**
     * Asks the API for the page the query string names, if nothing typed is wrong: its rows (as
     * {@code rowsName}) and their pagination in the model. False if the API refused the query: its
     * refusal is then on the fields it names.
     */
    boolean search(SignpostApi api, String path, String rowsName, HttpServletRequest request, Model model) {
        if (form.hasErrors()) {
            return false;
        }
        int page = Paging.requested(typed.getFirst("page"));
        try {
            SignpostApi.Answer answer = api.get(SignedIn.current(), query(path, page));
            List<Map<String, Object>> rows = api.list(answer.body());
            model.addAttribute(rowsName, rows);
            model.addAttribute("paging", Paging.of(request, page, PAGE_SIZE, answer.total(), rows.size()));
            return true;
        } catch (ApiProblem refused) {
            if (refused.status() != 400) {
                throw refused;
            }
            refuse(refused);
            return false;
        }
    }

    /** The API's query for one page (from 1 here, from 0 there), with the filters given and nothing else. */
    private String query(String path, int page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        add(uri, "from", from == null ? null : from.toString());
        add(uri, "to", to == null ? null : to.toString());
        add(uri, "actor", form.given("actor"));
        add(uri, "type", form.given("type"));
        String person = form.given("person");
        add(uri, personParameter, person == null ? null : person.toLowerCase(Locale.ROOT));
        return uri.queryParam("page", page - 1).queryParam("size", PAGE_SIZE).build().encode().toUriString();
    }

    /** The API's refusal of a query, on the fields it names (its name of the reference as the form's). */
    private void refuse(ApiProblem refused) {
        refused.errors().forEach(error -> form.refuse(
                error.field().equals(personParameter) ? "person" : error.field(), error.message()));
        if (refused.errors().isEmpty()) {
            form.refuse("form", refused.detail().isBlank() ? refused.title() : refused.detail());
        }
    }

    private static void add(UriComponentsBuilder uri, String name, String value) {
        if (value != null) {
            uri.queryParam(name, value);
        }
    }

    static boolean reference(String typed) {
        try {
            return UUID.fromString(typed).toString().equalsIgnoreCase(typed);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
