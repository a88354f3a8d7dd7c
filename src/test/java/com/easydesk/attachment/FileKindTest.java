package com.easydesk.attachment;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FileKindTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "image/png, IMAGE", "image/jpeg, IMAGE", "image/webp, IMAGE",
        "image/svg+xml, TEXT", "text/html, TEXT", "application/xhtml+xml, TEXT", "application/xml, TEXT",
        "text/x-java-source, TEXT", "application/json, TEXT",
        "audio/mpeg, AUDIO", "video/mp4, VIDEO", "video/quicktime, VIDEO", "application/pdf, PDF",
        "application/zip, OTHER", "application/octet-stream, OTHER", "image/tiff, OTHER",
        "'text/plain; charset=UTF-8', TEXT", "IMAGE/PNG, IMAGE"
    })
    void kindFollowsTheDetectedType(String contentType, FileKind kind) {
        assertThat(FileKind.of(contentType)).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "text/html", "image/svg+xml", "application/xml", "application/xhtml+xml", "text/plain",
        "application/octet-stream", "application/javascript" })
    void nothingThatCouldCarryScriptIsServedInline(String contentType) {
        assertThat(FileKind.of(contentType).servedInline()).isFalse();
    }
}
