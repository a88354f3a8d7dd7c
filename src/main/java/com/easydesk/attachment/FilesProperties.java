package com.easydesk.attachment;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code easydesk.files.directory}: where uploaded files are kept, forever. */
@ConfigurationProperties("easydesk.files")
public record FilesProperties(Path directory) {

    public FilesProperties {
        if (directory == null) {
            directory = Path.of("data", "files");
        }
    }
}
