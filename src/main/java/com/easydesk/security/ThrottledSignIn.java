package com.easydesk.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in behind the throttle: a held-back account or address is refused before any password is
 * compared; every failure, for an existing account or not, is counted the same way. The password check
 * itself takes as long for an unknown account as for a known one (the delegate compares against a dummy
 * hash), so neither the answer nor its timing tells whether an account exists.
 */
class ThrottledSignIn implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final AccessThrottle throttle;

    ThrottledSignIn(AuthenticationProvider passwords, AccessThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String account = attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "";
        throttle.signInRefusedUntil(account, address).ifPresent(until -> {
            throw new SignInRefused(until);
        });
        try {
            Authentication signedIn = passwords.authenticate(attempt);
            throttle.signInSucceeded(account);
            return signedIn;
        } catch (AuthenticationException failed) {
            throttle.signInFailed(account, address).ifPresent(until -> {
                throw new SignInRefused(until);
            });
            throw failed;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
