package com.easydesk.attachment;

import java.time.Instant;
import java.util.Locale;

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
        this(taskId, messageId, fileName, contentType, content.sha256(), content.size(), now);
    }

    /** The same content under the same name elsewhere (a task made from a message): nothing is copied. */
    Attachment(long taskId, Long messageId, Attachment original, Instant now) {
        this(taskId, messageId, original.fileName, original.contentType, original.sha256, original.sizeBytes, now);
    }

    private Attachment(long taskId, Long messageId, String fileName, String contentType, String sha256,
            long sizeBytes, Instant now) {
        this.taskId = taskId;
        this.messageId = messageId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
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

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** How a browser can show this file, from the type detected at upload. */
    public FileKind getKind() {
        return FileKind.of(contentType);
    }

    /** The file's extension in capitals for its icon ("PDF", "DOCX"), or nothing when it has none. */
    public String getExtension() {
        int dot = fileName.lastIndexOf('.');
        String extension = dot <= 0 ? "" : fileName.substring(dot + 1);
        return extension.length() > 5 ? "" : extension.toUpperCase(Locale.ROOT);
    }
}
