package com.easydesk.web;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** File sizes as people read them («812 Б», «1,4 МБ»); templates call it as {@code @fileSize}. */
@Component("fileSize")
public class FileSize {

    private static final String[] UNITS = { "bytes", "kb", "mb", "gb" };

    private final MessageSource texts;

    FileSize(MessageSource texts) {
        this.texts = texts;
    }

    public String format(long bytes) {
        int unit = 0;
        BigDecimal amount = BigDecimal.valueOf(bytes);
        BigDecimal step = BigDecimal.valueOf(1024);
        while (amount.compareTo(step) >= 0 && unit < UNITS.length - 1) {
            amount = amount.divide(step, 1, RoundingMode.HALF_UP);
            unit++;
        }
        String number = String.format(LocaleContextHolder.getLocale(), unit == 0 ? "%.0f" : "%.1f", amount);
        return texts.getMessage("file.size." + UNITS[unit], new Object[] { number }, LocaleContextHolder.getLocale());
    }
}
