package com.easydesk.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.easydesk.person.Person;
import com.easydesk.person.PersonService;

/**
 * Reads the signed-in person afresh on every request (one primary-key lookup), so that a role change, a
 * lost supervisor flag or a deactivation takes effect on open sessions at their next request. A session
 * ends when its person was deactivated (or removed), or when their session generation moved on since the
 * session signed in (a password change, a deactivation even if undone since): the request then goes on
 * anonymously, which sends a page request to the sign-in form.
 */
class FreshViewerFilter extends OncePerRequestFilter {

    private static final String[] STATIC_PREFIXES = { "/css/", "/js/", "/webjars/", "/favicon." };

    private final PersonService people;

    FreshViewerFilter(PersonService people) {
        this.people = people;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInPerson signedIn) {
            Person person = people.find(signedIn.viewer().id()).filter(Person::isActive)
                    .filter(current -> current.getSessionGeneration() == signedIn.sessionGeneration())
                    .orElse(null);
            if (person == null) {
                signOut(request);
            } else {
                refresh(person, authentication);
            }
        }
        chain.doFilter(request, response);
    }

    /** Static files tell nothing about anyone; they need no fresh look at the person. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String prefix : STATIC_PREFIXES) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The fresh principal is for this request only; the session keeps what it had, which is read again next time. */
    private void refresh(Person person, Authentication stale) {
        var principal = new SignedInPerson(person);
        principal.eraseCredentials();
        var fresh = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        fresh.setDetails(stale.getDetails());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(fresh);
        SecurityContextHolder.setContext(context);
    }

    private void signOut(HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
