package com.easydesk.security;

import java.util.Optional;

import org.springframework.security.core.context.SecurityContextHolder;

import com.easydesk.person.Viewer;

/** The viewer of the current request, for code that cannot take it as a handler parameter. */
public final class CurrentViewer {

    private CurrentViewer() {
    }

    public static Optional<Viewer> find() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInPerson person) {
            return Optional.of(person.viewer());
        }
        return Optional.empty();
    }
}
