package com.easydesk.attachment;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.Resource;
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
    /** Enough bytes for every magic number Tika knows; the stream is rewound to here after detection. */
    private static final int DETECTION_BYTES = 64 * 1024;
    /** How much of a text file a page shows; the rest is a download away. */
    private static final int PREVIEW_BYTES = 512 * 1024;

    private final Attachments attachments;
    private final Thumbnails thumbnails;
    private final FileStore store;
    private final ContentTypeDetector detector;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AttachmentService(Attachments attachments, Thumbnails thumbnails, FileStore store, ContentTypeDetector detector,
            ApplicationEventPublisher events, Clock clock) {
        this.attachments = attachments;
        this.thumbnails = thumbnails;
        this.store = store;
        this.detector = detector;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Attaches uploaded files to a task's description ({@code messageId} null) or to a message. The type of
     * each is detected from its bytes; images get a thumbnail in the background after the commit.
     */
    @Transactional
    public List<Attachment> attach(long taskId, Long messageId, List<MultipartFile> files) {
        List<Attachment> added = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            if (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
                continue;
            }
            String name = cleanName(file.getOriginalFilename());
            Upload upload = store(file, name);
            attachments.rememberContent(upload.content().sha256(), upload.content().size());
            added.add(attachments.save(new Attachment(taskId, messageId, name, upload.contentType(),
                    upload.content(), clock.instant())));
        }
        requestThumbnails(added);
        return added;
    }

    /**
     * Attaches files that are already stored elsewhere (a task made from a message) under the same names;
     * the content is shared, not copied.
     */
    @Transactional
    public List<Attachment> attachCopies(long taskId, Long messageId, List<Attachment> originals) {
        List<Attachment> added = new ArrayList<>();
        for (Attachment original : originals) {
            added.add(attachments.save(new Attachment(taskId, messageId, original, clock.instant())));
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
     * The file's content for an answer that may ask for byte ranges; {@link ContentMissingException} now,
     * before anything is sent, when the store has lost it.
     */
    public Resource content(Attachment attachment) {
        requireContent(List.of(attachment));
        return new StoredContentResource(store, attachment.getSha256(), attachment.getSizeBytes());
    }

    /** The beginning of a text file, decoded; the caller shows it escaped. */
    public TextPreview preview(Attachment attachment) {
        try (InputStream in = store.open(attachment.getSha256())) {
            byte[] bytes = in.readNBytes(PREVIEW_BYTES);
            boolean truncated = attachment.getSizeBytes() > bytes.length;
            return TextPreview.decode(bytes, bytes.length, truncated);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** Checks that every file's content is still stored, so that an answer can say so before it starts. */
    public void requireContent(Collection<Attachment> files) {
        for (Attachment file : files) {
            try {
                if (!store.contains(file.getSha256())) {
                    throw new ContentMissingException(file.getSha256());
                }
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        }
    }

    /** Streams the files into one zip; names made unique and safe to unpack (see {@link ZipEntryNames}). */
    public void writeZip(List<Attachment> files, OutputStream target) throws IOException {
        new AttachmentZip(store).write(files, target);
    }

    /** The thumbnail state of each image among these files, by attachment id; other files have none. */
    public Map<Long, ThumbnailState> thumbnailStates(Collection<Attachment> files) {
        Map<String, ThumbnailState> bySha = new HashMap<>();
        List<String> images = files.stream().filter(AttachmentService::hasThumbnail)
                .map(Attachment::getSha256).distinct().toList();
        if (!images.isEmpty()) {
            thumbnails.findBySha256In(images).forEach(t -> bySha.put(t.getSha256(), t.getState()));
        }
        Map<Long, ThumbnailState> byAttachment = new HashMap<>();
        for (Attachment file : files) {
            if (hasThumbnail(file)) {
                byAttachment.put(file.getId(), bySha.getOrDefault(file.getSha256(), ThumbnailState.FAILED));
            }
        }
        return byAttachment;
    }

    /** The ready thumbnail of an image, if there is one. */
    public Optional<StoredThumbnail> thumbnail(Attachment attachment) {
        if (!hasThumbnail(attachment)) {
            return Optional.empty();
        }
        return thumbnails.findById(attachment.getSha256())
                .map(t -> t.getState() == ThumbnailState.READY
                        ? new StoredThumbnail(ThumbnailState.READY, t.getContentType(), t.getThumbnailSha256(),
                                new StoredContentResource(store, t.getThumbnailSha256(),
                                        attachments.sizeOfContent(t.getThumbnailSha256())))
                        : new StoredThumbnail(t.getState(), null, null, null));
    }

    /**
     * A thumbnail and where it stands; {@code image} is set only when ready.
     *
     * @param state       pending, ready or failed
     * @param contentType image/jpeg or image/png when ready
     * @param sha256      the thumbnail's own content address, a fine ETag
     * @param image       the thumbnail's bytes when ready
     */
    public record StoredThumbnail(ThumbnailState state, String contentType, String sha256, Resource image) {
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

    private static boolean hasThumbnail(Attachment file) {
        return ThumbnailMaker.READABLE.contains(FileKind.baseType(file.getContentType()));
    }

    private void requestThumbnails(List<Attachment> added) {
        List<Attachment> images = added.stream().filter(AttachmentService::hasThumbnail).toList();
        for (Attachment image : images) {
            thumbnails.request(image.getSha256());
        }
        if (!images.isEmpty()) {
            events.publishEvent(new ThumbnailWorker.ThumbnailsRequested());
        }
    }

    private Upload store(MultipartFile file, String name) {
        try (InputStream in = new BufferedInputStream(file.getInputStream(), DETECTION_BYTES)) {
            String contentType = detector.detect(in, name);
            return new Upload(store.put(in), contentType);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private record Upload(FileStore.StoredContent content, String contentType) {
    }
}
