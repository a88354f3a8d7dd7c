package com.easydesk.attachment;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.core.io.AbstractResource;

/**
 * Stored content as a Spring {@code Resource} that can be opened again and knows its length, so that Spring
 * MVC answers {@code Range} requests from it (seeking in audio and video, resumed downloads).
 */
final class StoredContentResource extends AbstractResource {

    private final FileStore store;
    private final String sha256;
    private final long size;

    StoredContentResource(FileStore store, String sha256, long size) {
        this.store = store;
        this.sha256 = sha256;
        this.size = size;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return store.open(sha256);
    }

    @Override
    public boolean exists() {
        return true;
    }

    @Override
    public long contentLength() {
        return size;
    }

    @Override
    public long lastModified() {
        return 0;
    }

    @Override
    public String getDescription() {
        return "stored content " + sha256;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredContentResource that && that.sha256.equals(sha256);
    }

    @Override
    public int hashCode() {
        return sha256.hashCode();
    }
}
