package com.easydesk.security;

/** What a throttle counter counts, and for whom. */
enum ThrottleKind {
    /** Failed sign-ins for one e-mail address as typed, whether or not anyone has it. */
    SIGN_IN_ACCOUNT,
    /** Failed sign-ins from one client address. */
    SIGN_IN_ADDRESS,
    /** Password-reset requests for one e-mail address as typed. */
    RESET_ACCOUNT,
    /** Password-reset requests from one client address. */
    RESET_ADDRESS
}
