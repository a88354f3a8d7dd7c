package com.easydesk.attachment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentDispositionsTest {

    @Test
    void cyrillicNameHasAsciiFallbackAndExactUtf8Name() {
        assertThat(ContentDispositions.attachment("Счёт №7.pdf"))
                .isEqualTo("attachment; filename=\"____ _7.pdf\"; "
                        + "filename*=UTF-8''%D0%A1%D1%87%D1%91%D1%82%20%E2%84%967.pdf");
    }

    @Test
    void quotesAndBackslashesCannotBreakTheHeader() {
        assertThat(ContentDispositions.attachment("a\"b\\c;d.txt"))
                .startsWith("attachment; filename=\"a_b_c;d.txt\"; filename*=UTF-8''a%22b%5Cc%3Bd.txt");
    }

    @Test
    void browserPathsAndControlCharactersAreDroppedFromUploadedNames() {
        assertThat(AttachmentService.cleanName("C:\\fakepath\\отчёт.docx")).isEqualTo("отчёт.docx");
        assertThat(AttachmentService.cleanName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(AttachmentService.cleanName("имя\r\nфайла.txt")).isEqualTo("имяфайла.txt");
        assertThat(AttachmentService.cleanName("..")).isEqualTo("file");
    }
}
