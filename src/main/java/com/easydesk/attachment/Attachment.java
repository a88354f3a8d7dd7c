package com.easydesk.attachment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A file attached to a task's description (no message) or to one message. It is visible exactly when
 * that message (or the task) is; callers check that before handing one out.
 */
@Entity
@Table(name = "attachment")
public class Attachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "task_id")
    private long taskId;

    @Column(name = "message_id")
    private Long messageId;

    @Column(name = "file_name")
    private String fileName;

    @Column(name = "content_type")
    private String contentType;

    @Column(name = "size_bytes")
    private long sizeBytes;

    private String sha256;

    @Column(name = "created_at")
    private Instant createdAt;

    protected Attachment() {
    }

    Attachment(long taskId, Long messageId, String fileName, String contentType, FileStore.StoredContent content,
            Instant now) {
        this.taskId = taskId;
        this.messageId = messageId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = content.size();
        this.sha256 = content.sha256();
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public long getTaskId() {
        return taskId;
    }

    public Long getMessageId() {
        return messageId;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }
}
