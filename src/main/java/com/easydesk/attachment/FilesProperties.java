package com.easydesk.attachment;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code easydesk.files.*}: where uploaded files are kept, forever; and whether content that nothing refers
 * to (its request failed after the file was stored) is removed once it is older than {@code unreferencedAge}.
 * That sweep is off unless asked for: it must never run against a directory another installation, with
 * another database, also uses.
 */
@ConfigurationProperties("easydesk.files")
public record FilesProperties(Path directory, boolean sweepUnreferenced, Duration unreferencedAge) {

    public FilesProperties {
        if (directory == null) {
            directory = Path.of("data", "files");
        }
        if (unreferencedAge == null) {
            unreferencedAge = Duration.ofHours(24);
        }
    }
}
