package com.easydesk.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Back to the sign-in form with one message for every wrong address, wrong password, account without a
 * password or deactivated account, so that the form tells nobody which accounts exist; a held-back sign-in
 * says how many seconds to wait instead.
 */
class SignInFailure implements AuthenticationFailureHandler {

    private final RedirectStrategy redirect = new DefaultRedirectStrategy();
    private final Clock clock;

    SignInFailure(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException failure) throws IOException {
        if (failure instanceof SignInRefused refused) {
            long seconds = Math.max(1, Duration.between(clock.instant(), refused.until()).toSeconds() + 1);
            redirect.sendRedirect(request, response, "/login?wait=" + seconds);
            return;
        }
        redirect.sendRedirect(request, response, "/login?error");
    }
}
