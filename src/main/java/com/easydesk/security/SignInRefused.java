package com.easydesk.security;

import java.time.Instant;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins for the account or from the address: no password is tried until then. */
class SignInRefused extends AuthenticationException {

    private final Instant until;

    SignInRefused(Instant until) {
        super("Sign-in held back until " + until);
        this.until = until;
    }

    Instant until() {
        return until;
    }
}
