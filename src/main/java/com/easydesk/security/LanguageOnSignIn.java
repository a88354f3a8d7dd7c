package com.easydesk.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.web.servlet.LocaleResolver;

import com.easydesk.person.PersonService;

/**
 * After sign-in the interface speaks the language chosen in the person's profile (until they switch
 * with {@code ?lang=}), then the person goes to the page they asked for before signing in (the link of a
 * notification e-mail, say), or else to the start page.
 */
class LanguageOnSignIn extends SavedRequestAwareAuthenticationSuccessHandler {

    private final PersonService people;
    private final LocaleResolver localeResolver;

    LanguageOnSignIn(PersonService people, LocaleResolver localeResolver, RequestCache pagesAskedFor) {
        setDefaultTargetUrl("/");
        setRequestCache(pagesAskedFor);
        this.people = people;
        this.localeResolver = localeResolver;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException, ServletException {
        if (authentication.getPrincipal() instanceof SignedInPerson signedIn) {
            people.find(signedIn.viewer().id()).ifPresent(person ->
                    localeResolver.setLocale(request, response, person.getLanguage().locale()));
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
