package com.easydesk.attachment;

import java.io.IOException;
import java.io.InputStream;

import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.springframework.stereotype.Component;

/**
 * Tells a file's type from its first bytes (Apache Tika's magic numbers). The name only refines a type the
 * bytes already established (plain text named {@code .java} is Java source); it never overrules them, and
 * the type the browser claimed is not asked at all.
 */
@Component
class ContentTypeDetector {

    private static final int MAX_LENGTH = 200;

    private final Detector detector = MimeTypes.getDefaultMimeTypes();

    /** Detects the type of a stream that supports mark and reset; leaves it at its start. */
    String detect(InputStream content, String fileName) throws IOException {
        var metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        MediaType type = detector.detect(content, metadata);
        String base = type.getBaseType().toString();
        return base.length() > MAX_LENGTH ? MediaType.OCTET_STREAM.toString() : base;
    }
}
