package com.easydesk.task.web;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import com.easydesk.attachment.Attachment;
import com.easydesk.attachment.AttachmentService;
import com.easydesk.attachment.AttachmentService.StoredThumbnail;
import com.easydesk.attachment.ContentDispositions;
import com.easydesk.attachment.FileKind;
import com.easydesk.attachment.ThumbnailState;
import com.easydesk.person.Viewer;
import com.easydesk.shared.NotFoundException;
import com.easydesk.task.TaskService;

/**
 * Files of a task: download, a page that shows the file, its bytes for the browser to display, thumbnails
 * and zips. Every request goes through {@link VisibleFiles} first. A file's own bytes are shown inline only
 * for images, audio, video and PDF, and then under a sandbox policy, so nothing a file holds ever runs as
 * this application; everything else is sent as a download.
 */
@Controller
class TaskFilesController {

    /**
     * For a file's own bytes: an opaque origin without script or form rights of this application. The file
     * page may frame it (a PDF); {@code frame-ancestors} overrides the {@code X-Frame-Options: DENY} that
     * Spring Security adds everywhere.
     */
    static final String SANDBOX = "sandbox; default-src 'none'; img-src 'self'; media-src 'self'; "
            + "style-src 'unsafe-inline'; frame-ancestors 'self'";

    private static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    private static final CacheControl PRIVATE_HOUR = CacheControl.maxAge(1, TimeUnit.HOURS).cachePrivate();
    private static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final VisibleFiles files;
    private final AttachmentService attachments;
    private final TaskService tasks;

    TaskFilesController(VisibleFiles files, AttachmentService attachments, TaskService tasks) {
        this.files = files;
        this.attachments = attachments;
        this.tasks = tasks;
    }

    /** The file as a download under its own name, whatever it holds; ranges resume a broken download. */
    @GetMapping("/tasks/{number}/files/{id}")
    ResponseEntity<Resource> download(Viewer viewer, @PathVariable long number, @PathVariable long id) {
        return asDownload(files.file(viewer, number, id));
    }

    /** A page that shows the file: the image, a player, the PDF viewer, escaped text, or a download link. */
    @GetMapping("/tasks/{number}/files/{id}/view")
    String view(Viewer viewer, @PathVariable long number, @PathVariable long id, Model model) {
        Attachment file = files.file(viewer, number, id);
        attachments.requireContent(List.of(file));
        model.addAttribute("task", tasks.visibleTask(viewer, number));
        model.addAttribute("file", file);
        if (file.getKind() == FileKind.TEXT) {
            model.addAttribute("preview", attachments.preview(file));
        }
        return "tasks/file";
    }

    /**
     * The file's bytes for the browser to display: inline with the detected type for images, audio, video
     * and PDF (with ranges, for seeking); anything else, HTML and SVG included, only as a download.
     */
    @GetMapping("/tasks/{number}/files/{id}/content")
    ResponseEntity<Resource> content(Viewer viewer, @PathVariable long number, @PathVariable long id) {
        Attachment file = files.file(viewer, number, id);
        if (!file.getKind().servedInline()) {
            return asDownload(file);
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.inline(file.getFileName()))
                .header(CONTENT_SECURITY_POLICY, SANDBOX)
                .contentType(MediaType.parseMediaType(file.getContentType()))
                .cacheControl(PRIVATE_HOUR)
                .eTag(file.getSha256())
                .body(attachments.content(file));
    }

    /** An image's thumbnail; 503 while it is still being made (pages ask again), 404 when there is none. */
    @GetMapping("/tasks/{number}/files/{id}/thumbnail")
    ResponseEntity<Resource> thumbnail(Viewer viewer, @PathVariable long number, @PathVariable long id) {
        Attachment file = files.file(viewer, number, id);
        StoredThumbnail thumbnail = attachments.thumbnail(file)
                .orElseThrow(() -> new NotFoundException("Thumbnail of file " + id));
        if (thumbnail.state() == ThumbnailState.PENDING) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                    .cacheControl(CacheControl.noStore()).build();
        }
        if (thumbnail.state() == ThumbnailState.FAILED) {
            throw new NotFoundException("Thumbnail of file " + id);
        }
        return ResponseEntity.ok()
                .header(CONTENT_SECURITY_POLICY, SANDBOX)
                .contentType(MediaType.parseMediaType(thumbnail.contentType()))
                .cacheControl(PRIVATE_HOUR)
                .eTag(thumbnail.sha256())
                .body(thumbnail.image());
    }

    /** All files of one message as a zip, streamed as it is written. */
    @GetMapping("/tasks/{number}/messages/{messageId}/files.zip")
    void messageZip(Viewer viewer, @PathVariable long number, @PathVariable long messageId,
            HttpServletResponse response) throws IOException {
        List<Attachment> zipped = files.ofMessage(viewer, number, messageId);
        sendZip(zipped, "task-" + number + "-message-" + messageId + ".zip", response);
    }

    /** All files of the task's description as a zip. */
    @GetMapping("/tasks/{number}/description/files.zip")
    void descriptionZip(Viewer viewer, @PathVariable long number, HttpServletResponse response) throws IOException {
        sendZip(files.ofDescription(viewer, number), "task-" + number + "-files.zip", response);
    }

    private ResponseEntity<Resource> asDownload(Attachment file) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.attachment(file.getFileName()))
                .header(CONTENT_SECURITY_POLICY, SANDBOX)
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .cacheControl(PRIVATE_HOUR)
                .eTag(file.getSha256())
                .body(attachments.content(file));
    }

    private void sendZip(List<Attachment> zipped, String name, HttpServletResponse response) throws IOException {
        attachments.requireContent(zipped);
        response.setContentType(ZIP.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.attachment(name));
        response.setHeader(CONTENT_SECURITY_POLICY, SANDBOX);
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        attachments.writeZip(zipped, response.getOutputStream());
    }
}
