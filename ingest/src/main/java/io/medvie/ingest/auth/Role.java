package io.medvie.ingest.auth;

/** What a bearer token may do. An admin may do everything a submitter may. */
public enum Role {
    SUBMITTER,
    ADMIN;

    public boolean allows(Role required) {
        return this == ADMIN || this == required;
    }
}
