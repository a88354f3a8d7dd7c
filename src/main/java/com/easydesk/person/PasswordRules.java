package com.easydesk.person;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a new password must be: at least ten characters, at most 72 bytes (the most bcrypt reads; anything
 * after would silently not count), and not one that attackers try first: a common password from
 * {@code person/common-passwords.txt} (also with digits or signs around it), one character or a short group
 * repeated, a straight run of the alphabet, the digits or a keyboard row (Latin or Cyrillic), or a date.
 * The demo accounts keep their short password: the rules apply when a password is chosen, not to passwords
 * already stored.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 10;
    private static final int MAX_BYTES = 72;
    private static final int SHORT_GROUP = 4;
    private static final int SHORTEST_RUN = 6;

    /** Keyboard rows as typed left to right, on the English and the Russian layout. */
    private static final List<String> KEYBOARD_ROWS = List.of("`1234567890-=", "qwertyuiop[]", "asdfghjkl;'",
            "zxcvbnm,./", "ё1234567890-=", "йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю.");
    private static final Pattern AROUND_THE_WORD = Pattern.compile("^[\\p{N}\\p{P}\\p{S}]*(.*?)[\\p{N}\\p{P}\\p{S}]*$");
    private static final Pattern AROUND_THE_DIGITS = Pattern.compile("^[\\p{P}\\p{S}]*(.*?)[\\p{P}\\p{S}]*$");
    private static final Pattern DATE = Pattern.compile("(\\d{1,2})[./-]?(\\d{1,2})[./-]?(\\d{4})|(\\d{4})[./-]?"
            + "(\\d{1,2})[./-]?(\\d{1,2})");
    private static final Set<String> COMMON = load("/person/common-passwords.txt");

    private PasswordRules() {
    }

    /** The message key of what is wrong with this password, or empty when it is acceptable. */
    public static Optional<String> problemWith(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("password.too-short");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("password.too-long");
        }
        // Spaces count towards the length, as in a pass phrase, but ten of them are not a password.
        String withoutSpaces = password.replaceAll("\\s+", "");
        if (withoutSpaces.codePointCount(0, withoutSpaces.length()) < MIN_LENGTH / 2) {
            return Optional.of("password.mostly-spaces");
        }
        if (isCommon(password)) {
            return Optional.of("password.common");
        }
        return Optional.empty();
    }

    /** Whether attackers would try this password early: see the class comment for what counts. */
    static boolean isCommon(String password) {
        String typed = password.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        String trimmed = inner(AROUND_THE_DIGITS, typed);
        String word = inner(AROUND_THE_WORD, typed);
        return isGuessable(typed) || isGuessable(trimmed) || isGuessable(word) || isDate(trimmed);
    }

    /** What is left of the text without the characters the pattern allows around it. */
    private static String inner(Pattern around, String text) {
        Matcher matcher = around.matcher(text);
        return matcher.matches() ? matcher.group(1) : text;
    }

    private static boolean isGuessable(String text) {
        if (text.isEmpty()) {
            return false;
        }
        return COMMON.contains(text) || isRepeated(text) || (text.length() >= SHORTEST_RUN
                && (isStraightRun(text) || isKeyboardRun(text)));
    }

    /** One short group, or a common password, typed again and again: "aaaaaaaaaa", "123123123123". */
    private static boolean isRepeated(String text) {
        int length = text.length();
        for (int group = 1; group <= length / 2; group++) {
            if (length % group == 0 && text.equals(text.substring(0, group).repeat(length / group))) {
                String unit = text.substring(0, group);
                return group <= SHORT_GROUP || COMMON.contains(unit);
            }
        }
        return false;
    }

    /** Each character next to the previous one in the alphabet or the digits, always the same way. */
    private static boolean isStraightRun(String text) {
        int[] codes = text.codePoints().toArray();
        int step = codes[1] - codes[0];
        if (Math.abs(step) != 1) {
            return false;
        }
        for (int i = 2; i < codes.length; i++) {
            if (codes[i] - codes[i - 1] != step) {
                return false;
            }
        }
        return true;
    }

    /** Keys next to each other on one row, either way, going round the row again if need be. */
    private static boolean isKeyboardRun(String text) {
        for (String row : KEYBOARD_ROWS) {
            String around = row.repeat(1 + text.length() / row.length() + 1);
            if (around.contains(text) || new StringBuilder(around).reverse().toString().contains(text)) {
                return true;
            }
        }
        return false;
    }

    /** A birthday or any other day: 01.01.1990, 1990-01-01, 01011990. */
    private static boolean isDate(String text) {
        Matcher date = DATE.matcher(text);
        if (!date.matches()) {
            return false;
        }
        try {
            if (date.group(1) != null) {
                LocalDate.of(Integer.parseInt(date.group(3)), Integer.parseInt(date.group(2)),
                        Integer.parseInt(date.group(1)));
            } else {
                LocalDate.of(Integer.parseInt(date.group(4)), Integer.parseInt(date.group(5)),
                        Integer.parseInt(date.group(6)));
            }
            return true;
        } catch (DateTimeException notADay) {
            return false;
        }
    }

    private static Set<String> load(String resource) {
        Set<String> passwords = new HashSet<>();
        try (InputStream stream = PasswordRules.class.getResourceAsStream(resource)) {
            if (stream == null) {
                throw new IllegalStateException(resource + " is missing from the application");
            }
            var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String entry = line.strip().toLowerCase(Locale.ROOT);
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    passwords.add(entry);
                    // "!qaz@wsx#edc2024" must count as well: the word inside is what people add digits to.
                    String word = inner(AROUND_THE_WORD, entry);
                    if (!word.isEmpty()) {
                        passwords.add(word);
                    }
                }
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return Set.copyOf(passwords);
    }
}
