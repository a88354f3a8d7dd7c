package com.easydesk.attachment;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextPreviewTest {

    @Test
    void utf8IsReadAsUtf8() {
        byte[] bytes = "Привет, мир".getBytes(StandardCharsets.UTF_8);

        assertThat(TextPreview.decode(bytes, bytes.length, false).text()).isEqualTo("Привет, мир");
    }

    @Test
    void bytesThatAreNotUtf8AreReadAsWindows1251() {
        byte[] bytes = "Счёт №5".getBytes(TextPreview.WINDOWS_1251);

        assertThat(TextPreview.decode(bytes, bytes.length, false).text()).isEqualTo("Счёт №5");
    }

    @Test
    void aCharacterCutInHalfAtTheEndOfTheShownPartIsDropped() {
        byte[] whole = "Юля".getBytes(StandardCharsets.UTF_8);
        byte[] cut = Arrays.copyOf(whole, whole.length - 1);

        TextPreview preview = TextPreview.decode(cut, cut.length, true);

        assertThat(preview.text()).isEqualTo("Юл");
        assertThat(preview.truncated()).isTrue();
    }

    @Test
    void byteOrderMarkIsNotShown() {
        byte[] text = "Тест".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[text.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bytes, 3, text.length);

        assertThat(TextPreview.decode(bytes, bytes.length, false).text()).isEqualTo("Тест");
    }
}
