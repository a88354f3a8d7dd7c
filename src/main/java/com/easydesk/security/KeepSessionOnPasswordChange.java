package com.easydesk.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.easydesk.person.PasswordChanged;

/**
 * A password change moves the person's session generation on, which ends all their sessions; the one the
 * change was made in is carried over to the new generation here, once the change is committed, and gets a
 * new session id as after a sign-in.
 */
@Component
class KeepSessionOnPasswordChange {

    private static final String CONTEXT = HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;

    @TransactionalEventListener
    void keepCurrentSession(PasswordChanged change) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return;
        }
        HttpServletRequest request = attributes.getRequest();
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(CONTEXT) instanceof SecurityContext stored)) {
            return;
        }
        Authentication authentication = stored.getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedInPerson signedIn)
                || signedIn.viewer().id() != change.personId()) {
            return;
        }
        SignedInPerson renewed = signedIn.atGeneration(change.sessionGeneration());
        var fresh = UsernamePasswordAuthenticationToken.authenticated(renewed, null, authentication.getAuthorities());
        fresh.setDetails(authentication.getDetails());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(fresh);
        session.setAttribute(CONTEXT, context);
        request.changeSessionId();
    }
}
