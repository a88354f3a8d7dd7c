package com.easydesk.person;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A single-use link to set a password, sent by e-mail. Only the SHA-256 of its token is stored. A link
 * works once, until it expires, and only while no newer link was sent to the same person.
 */
@Entity
@Table(name = "password_link")
public class PasswordLink {

    /** Why the link was sent; it decides the wording of the mail and the page. */
    public enum Purpose {
        /** A new person chooses their first password. */
        INVITATION,
        /** Someone who forgot their password chooses a new one. */
        RESET
    }

    /** What a link can do now, as the page tells the person who followed it. */
    public enum State {
        /** Sets a password once. */
        USABLE,
        /** Already used to set a password. */
        USED,
        /** Older than the validity period. */
        EXPIRED,
        /** A newer link was sent to the same person. */
        REPLACED,
        /** No such link, or its account is deactivated. */
        UNKNOWN
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "person_id")
    private long personId;

    @Enumerated(EnumType.STRING)
    private Purpose purpose;

    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "replaced_at")
    private Instant replacedAt;

    protected PasswordLink() {
    }

    PasswordLink(long personId, Purpose purpose, String tokenHash, Instant createdAt, Instant expiresAt) {
        this.personId = personId;
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    State stateAt(Instant now) {
        if (usedAt != null) {
            return State.USED;
        }
        if (replacedAt != null) {
            return State.REPLACED;
        }
        return now.isBefore(expiresAt) ? State.USABLE : State.EXPIRED;
    }

    void use(Instant now) {
        if (stateAt(now) != State.USABLE) {
            throw new IllegalStateException("Password link " + id + " is " + stateAt(now));
        }
        this.usedAt = now;
    }

    /** A newer link replaces this one; a used link stays used. */
    void replace(Instant now) {
        if (usedAt == null && replacedAt == null) {
            this.replacedAt = now;
        }
    }

    long getPersonId() {
        return personId;
    }

    public Purpose getPurpose() {
        return purpose;
    }
}
