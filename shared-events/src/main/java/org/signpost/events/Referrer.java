package org.signpost.events;

/** The professional or family member who made the referral. */
public record Referrer(String name, String organisation, String role, String email, String phone) {
}
