package com.easydesk.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Files of tasks and messages. This service does not know who may see what: the task feature checks
 * visibility of the task and message first, then asks here.
 */
@Service
@Transactional(readOnly = true)
public class AttachmentService {

    private static final int MAX_NAME_LENGTH = 255;

    private final Attachments attachments;
    private final FileStore store;
    private final Clock clock;

    AttachmentService(Attachments attachments, FileStore store, Clock clock) {
        this.attachments = attachments;
        this.store = store;
        this.clock = clock;
    }

    /** Attaches uploaded files to a task's description ({@code messageId} null) or to a message. */
    @Transactional
    public List<Attachment> attach(long taskId, Long messageId, List<MultipartFile> files) {
        List<Attachment> added = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            if (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
                continue;
            }
            FileStore.StoredContent content = storeContent(file);
            attachments.rememberContent(content.sha256(), content.size());
            added.add(attachments.save(new Attachment(taskId, messageId, cleanName(file.getOriginalFilename()),
                    contentTypeOf(file), content, clock.instant())));
        }
        return added;
    }

    /**
     * Attaches files that are already stored to another task's description: new attachment rows that name
     * the same content, so the bytes stay on disk once.
     */
    @Transactional
    public List<Attachment> share(long taskId, List<Attachment> originals) {
        List<Attachment> added = new ArrayList<>();
        for (Attachment original : originals) {
            var content = new FileStore.StoredContent(original.getSha256(), original.getSizeBytes());
            added.add(attachments.save(new Attachment(taskId, null, original.getFileName(), original.getContentType(),
                    content, clock.instant())));
        }
        return added;
    }

    public List<Attachment> ofTask(long taskId) {
        return attachments.findOfTask(taskId);
    }

    public Optional<Attachment> find(long id) {
        return attachments.findById(id);
    }

    public InputStream open(Attachment attachment) throws IOException {
        return store.open(attachment.getSha256());
    }

    /**
     * Keeps the name a person gave the file but drops what only a browser adds or what could act as a
     * path: directories ("C:\fakepath\"), control characters.
     */
    static String cleanName(String original) {
        String name = original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = name.replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "file";
        }
        return name.length() > MAX_NAME_LENGTH ? name.substring(0, MAX_NAME_LENGTH) : name;
    }

    private FileStore.StoredContent storeContent(MultipartFile file) {
        try (InputStream in = file.getInputStream()) {
            return store.put(in);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static String contentTypeOf(MultipartFile file) {
        String type = file.getContentType();
        return type == null || type.isBlank() || type.length() > 200 ? "application/octet-stream" : type;
    }
}
