package com.easydesk.person;

/**
 * A person changed their own password from the profile. Their other sessions end; the session the change was
 * made in carries on at this generation (see {@link Person#getSessionGeneration()}).
 */
public record PasswordChanged(long personId, int sessionGeneration) {
}
