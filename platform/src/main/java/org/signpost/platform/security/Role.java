package org.signpost.platform.security;

/** The roles of PRODUCT.md; a user has exactly one. */
public enum Role {
    COORDINATOR, LINK_WORKER, MANAGER, ANALYST, AUDITOR, DATA_PROTECTION_OFFICER;

    public String authority() {
        return "ROLE_" + name();
    }
}
