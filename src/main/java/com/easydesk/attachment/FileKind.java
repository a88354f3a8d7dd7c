package com.easydesk.attachment;

import java.util.Locale;
import java.util.Set;

/**
 * How the browser can show a file, decided from the content type detected from its bytes. Only kinds that
 * cannot run script in the application's origin are ever served inline; text is shown escaped inside a
 * page of ours, never as the file itself.
 */
public enum FileKind {

    /** A raster image every current browser draws: served inline, shown as a thumbnail. */
    IMAGE,
    /** Sound the browser's own player handles: served inline with range requests for seeking. */
    AUDIO,
    /** Video the browser's own player handles: served inline with range requests for seeking. */
    VIDEO,
    /** A PDF, opened in the browser's viewer under a sandbox policy. */
    PDF,
    /** Plain text or source (including HTML, SVG and XML): shown as escaped text, never rendered. */
    TEXT,
    /** Anything else: an icon, the size and a download link. */
    OTHER;

    private static final Set<String> IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp",
            "image/bmp", "image/avif", "image/x-ms-bmp");
    private static final Set<String> AUDIO_TYPES = Set.of("audio/mpeg", "audio/mp4", "audio/ogg", "audio/opus",
            "audio/vorbis", "audio/wav", "audio/vnd.wave", "audio/x-wav", "audio/webm", "audio/flac", "audio/x-flac",
            "audio/aac", "audio/x-aac");
    private static final Set<String> VIDEO_TYPES = Set.of("video/mp4", "video/webm", "video/ogg",
            "video/quicktime", "video/x-m4v");
    private static final Set<String> TEXT_LIKE = Set.of("application/json", "application/xml",
            "application/javascript", "application/x-sh", "application/sql", "application/x-yaml",
            "application/xhtml+xml", "image/svg+xml", "application/x-httpd-php", "application/rtf");

    public static FileKind of(String contentType) {
        String type = baseType(contentType);
        if (IMAGES.contains(type)) {
            return IMAGE;
        }
        if (AUDIO_TYPES.contains(type)) {
            return AUDIO;
        }
        if (VIDEO_TYPES.contains(type)) {
            return VIDEO;
        }
        if (type.equals("application/pdf")) {
            return PDF;
        }
        if (type.startsWith("text/") || TEXT_LIKE.contains(type) || type.endsWith("+xml")
                || type.endsWith("+json")) {
            return TEXT;
        }
        return OTHER;
    }

    /** Whether the file's own bytes may be sent to the browser to display (with a sandbox policy). */
    public boolean servedInline() {
        return this == IMAGE || this == AUDIO || this == VIDEO || this == PDF;
    }

    /** Whether a page of ours can show the file without downloading it. */
    public boolean viewable() {
        return this != OTHER;
    }

    static String baseType(String contentType) {
        if (contentType == null) {
            return "application/octet-stream";
        }
        int parameters = contentType.indexOf(';');
        String type = parameters < 0 ? contentType : contentType.substring(0, parameters);
        return type.strip().toLowerCase(Locale.ROOT);
    }
}
