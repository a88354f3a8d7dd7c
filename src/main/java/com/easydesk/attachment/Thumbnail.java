package com.easydesk.attachment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The thumbnail of one stored image content; made once, in the background. */
@Entity
@Table(name = "thumbnail")
class Thumbnail {

    @Id
    private String sha256;

    @Enumerated(EnumType.STRING)
    private ThumbnailState state;

    @Column(name = "thumbnail_sha256")
    private String thumbnailSha256;

    @Column(name = "content_type")
    private String contentType;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected Thumbnail() {
    }

    String getSha256() {
        return sha256;
    }

    ThumbnailState getState() {
        return state;
    }

    String getThumbnailSha256() {
        return thumbnailSha256;
    }

    String getContentType() {
        return contentType;
    }

    void made(FileStore.StoredContent image, String type, Instant now) {
        requirePending();
        this.state = ThumbnailState.READY;
        this.thumbnailSha256 = image.sha256();
        this.contentType = type;
        this.finishedAt = now;
    }

    void failed(Instant now) {
        requirePending();
        this.state = ThumbnailState.FAILED;
        this.finishedAt = now;
    }

    private void requirePending() {
        if (state != ThumbnailState.PENDING) {
            throw new IllegalStateException("Thumbnail of " + sha256 + " is already " + state);
        }
    }
}
