package com.easydesk.attachment;

/** The database knows a file whose bytes are no longer in the store (a lost disk, a bad restore). */
public class ContentMissingException extends RuntimeException {

    public ContentMissingException(String sha256) {
        super("Stored content " + sha256 + " is missing");
    }
}
