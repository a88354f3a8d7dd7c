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
 * What the session keeps about the signed-in person; the password hash is erased after sign-in.
 * {@link FreshViewerFilter} replaces it with a fresh one on every request.
 */
final class SignedInPerson implements UserDetails, CredentialsContainer {

    private final Viewer viewer;
    private final boolean active;
    private String passwordHash;

    SignedInPerson(Person person) {
        this.viewer = Viewer.of(person);
        this.active = person.isActive();
        this.passwordHash = person.getPasswordHash();
    }

    Viewer viewer() {
        return viewer;
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
