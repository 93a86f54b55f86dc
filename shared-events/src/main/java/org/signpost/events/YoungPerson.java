package org.signpost.events;

import java.time.LocalDate;

/** Identifying details of the young person as written on the referral form. */
public record YoungPerson(
        String firstName,
        String lastName,
        LocalDate dateOfBirth,
        String nhsNumber,
        String postcode,
        String school,
        String phone,
        ParentCarer parentCarer) {

    public record ParentCarer(String name, String phone, String relationship) {
    }
}
