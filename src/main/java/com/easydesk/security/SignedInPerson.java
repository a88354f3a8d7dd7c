package com.easydesk.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import com.easydesk.person.Person;
import com.easydesk.person.Viewer;

/**
 * What the session keeps about the signed-in person: who, and the session generation they signed in at;
 * the password hash is erased after sign-in. {@link FreshViewerFilter} replaces it with a fresh one on every
 * request, and ends the session once the person's generation has moved on.
 */
final class SignedInPerson implements UserDetails, CredentialsContainer {

    private final Viewer viewer;
    private final boolean active;
    private final int sessionGeneration;
    private String passwordHash;

    SignedInPerson(Person person) {
        this(Viewer.of(person), person.isActive(), person.getSessionGeneration(), person.getPasswordHash());
    }

    private SignedInPerson(Viewer viewer, boolean active, int sessionGeneration, String passwordHash) {
        this.viewer = viewer;
        this.active = active;
        this.sessionGeneration = sessionGeneration;
        this.passwordHash = passwordHash;
    }

    Viewer viewer() {
        return viewer;
    }

    int sessionGeneration() {
        return sessionGeneration;
    }

    /** The same person, for a session that lives on into a new generation (their own password change). */
    SignedInPerson atGeneration(int generation) {
        return new SignedInPerson(viewer, active, generation, null);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + viewer.role().name()));
        authorities.add(new SimpleGrantedAuthority(viewer.isStaff() ? "ROLE_STAFF" : "ROLE_CLIENT"));
        if (viewer.isClientSupervisor()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_SUPERVISOR"));
        }
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return viewer.email();
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
