package com.easydesk.web;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class FileSizeTest {

    private final FileSize fileSize = new FileSize(bundles());

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void smallFilesShowBytesNotZeroKilobytes() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("ru"));

        assertThat(fileSize.format(0)).isEqualTo("0 Б");
        assertThat(fileSize.format(37)).isEqualTo("37 Б");
        assertThat(fileSize.format(1536)).isEqualTo("1,5 КБ");
        assertThat(fileSize.format(5L * 1024 * 1024)).isEqualTo("5,0 МБ");
    }

    @Test
    void englishUsesEnglishUnitsAndDecimalPoint() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);

        assertThat(fileSize.format(1536)).isEqualTo("1.5 KB");
    }

    private static ResourceBundleMessageSource bundles() {
        var source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
