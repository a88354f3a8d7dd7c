package com.easydesk.attachment;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where file content lives, addressed by its SHA-256. One directory on one machine today; an
 * S3-compatible store can implement the same interface when EasyDesk runs on several nodes.
 */
public interface FileStore {

    /** Stores the stream's bytes (once per distinct content) and says what they were. */
    StoredContent put(InputStream content) throws IOException;

    /** Opens stored content; {@link ContentMissingException} when it is gone from the store. */
    InputStream open(String sha256) throws IOException;

    /** Whether the content is in the store; checked before an answer starts, so a loss gets a clear page. */
    boolean contains(String sha256) throws IOException;

    record StoredContent(String sha256, long size) {
    }
}
