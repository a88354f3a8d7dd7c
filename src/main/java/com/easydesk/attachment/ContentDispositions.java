package com.easydesk.attachment;

import java.nio.charset.StandardCharsets;

/**
 * Builds {@code Content-Disposition} for a file name in any script: a plain ASCII {@code filename} for
 * old clients and the exact UTF-8 name in {@code filename*} (RFC 6266, RFC 8187).
 */
public final class ContentDispositions {

    private static final String ATTR_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~";

    private ContentDispositions() {
    }

    public static String attachment(String fileName) {
        return "attachment; " + names(fileName);
    }

    /** Shown by the browser itself; a "save as" still offers the real name. */
    public static String inline(String fileName) {
        return "inline; " + names(fileName);
    }

    private static String names(String fileName) {
        return "filename=\"" + asciiFallback(fileName) + "\"; filename*=UTF-8''" + encode(fileName);
    }

    static String asciiFallback(String fileName) {
        var fallback = new StringBuilder();
        for (char c : fileName.toCharArray()) {
            boolean printableAscii = c >= 0x20 && c < 0x7f;
            fallback.append(printableAscii && c != '"' && c != '\\' && c != '%' ? c : '_');
        }
        return fallback.toString();
    }

    static String encode(String fileName) {
        var encoded = new StringBuilder();
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && ATTR_CHARS.indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }
}
