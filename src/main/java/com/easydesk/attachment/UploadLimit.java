package com.easydesk.attachment;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The largest file one may attach ({@code EASYDESK_MAX_FILE_SIZE}, 200 MB unless set) and post. The servlet container
 * refuses larger ones; pages tell the browser, which checks before sending. Templates call it as
 * {@code @uploadLimit}.
 */
@Component("uploadLimit")
public class UploadLimit {

    private final DataSize maxFileSize;
    private final DataSize maxRequestSize;

    UploadLimit(@Value("${spring.servlet.multipart.max-file-size:200MB}") DataSize maxFileSize,
            @Value("${spring.servlet.multipart.max-request-size:1GB}") DataSize maxRequestSize) {
        this.maxFileSize = maxFileSize;
        this.maxRequestSize = maxRequestSize;
    }

    /** The largest single file. */
    public long bytes() {
        return maxFileSize.toBytes();
    }

    /** The largest form post, all its files together ({@code EASYDESK_MAX_REQUEST_SIZE}). */
    public long requestBytes() {
        return maxRequestSize.toBytes();
    }
}
