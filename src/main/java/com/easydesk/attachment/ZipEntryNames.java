package com.easydesk.attachment;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Entry names for one archive: the names people gave their files, made safe to unpack anywhere. Characters
 * Windows forbids in file names become {@code _}; a name longer than file systems allow is shortened
 * (keeping its extension); two files of one name become {@code name.ext} and {@code name (2).ext}, compared
 * without case because Windows and macOS would unpack them over each other.
 */
final class ZipEntryNames {

    /** Most file systems allow 255 bytes per name; some room is left for the " (2)" of a duplicate. */
    private static final int MAX_BYTES = 240;
    private static final String FORBIDDEN_ON_WINDOWS = "<>:\"/\\|?*";

    private final Set<String> taken = new HashSet<>();

    String unique(String fileName) {
        String safe = safe(fileName);
        String candidate = safe;
        for (int copy = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); copy++) {
            candidate = withSuffix(safe, " (" + copy + ")");
        }
        return candidate;
    }

    static String safe(String fileName) {
        var safe = new StringBuilder();
        fileName.codePoints().forEach(c -> {
            boolean forbidden = c < 0x20 || c == 0x7f || FORBIDDEN_ON_WINDOWS.indexOf(c) >= 0;
            safe.appendCodePoint(forbidden ? '_' : c);
        });
        String name = stripTrailingDotsAndSpaces(safe.toString());
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "file";
        }
        return shorten(name, MAX_BYTES);
    }

    private static String withSuffix(String name, String suffix) {
        int dot = extensionStart(name);
        return name.substring(0, dot) + suffix + name.substring(dot);
    }

    private static String shorten(String name, int maxBytes) {
        if (bytes(name) <= maxBytes) {
            return name;
        }
        int dot = extensionStart(name);
        String extension = bytes(name.substring(dot)) <= maxBytes / 4 ? name.substring(dot) : "";
        String stem = name.substring(0, dot);
        while (bytes(stem) + bytes(extension) > maxBytes) {
            stem = stem.substring(0, stem.offsetByCodePoints(stem.length(), -1));
        }
        return stem + extension;
    }

    /** Where the extension begins, or the end of the name; a leading dot ({@code .env}) is no extension. */
    private static int extensionStart(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name.length() : dot;
    }

    private static String stripTrailingDotsAndSpaces(String name) {
        int end = name.length();
        while (end > 0 && (name.charAt(end - 1) == '.' || name.charAt(end - 1) == ' ')) {
            end--;
        }
        return name.substring(0, end).strip();
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
