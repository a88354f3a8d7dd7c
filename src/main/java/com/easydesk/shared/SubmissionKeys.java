package com.easydesk.shared;

import java.util.regex.Pattern;

/**
 * The key a form carries so that submitting it twice stores one record. It is stored together with
 * the author's id: a key is only ever matched against the same person's earlier submissions, so
 * knowing someone else's key reveals nothing and blocks nothing.
 */
public final class SubmissionKeys {

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9-]{8,40}");

    private SubmissionKeys() {
    }

    /** The stored form of a key, or null when the form sent none (or something that is not a key). */
    public static String of(long authorId, String key) {
        return key == null || !WELL_FORMED.matcher(key).matches() ? null : authorId + ":" + key;
    }
}
