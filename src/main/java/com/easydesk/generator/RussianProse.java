package com.easydesk.generator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Sentences of real Russian prose read at generation time from documentation that Debian packages install
 * (the Russian Debian FAQ and Russian manual pages). The repository ships none of this text.
 */
final class RussianProse {

    static final List<Path> SOURCES = List.of(Path.of("/usr/share/doc/debian/FAQ"), Path.of("/usr/share/man/ru"));

    private static final Pattern GROFF_ESCAPE = Pattern.compile("\\\\f[A-Z()]{1,3}|\\\\[&|^~:%]|\\\\\\(..|\\\\-");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[А-ЯЁ])");
    private static final Pattern CYRILLIC = Pattern.compile("[а-яА-ЯёЁ]");

    private final List<String> sentences;

    private RussianProse(List<String> sentences) {
        this.sentences = sentences;
    }

    /** Reads every source; fails with the install command when none is there. */
    static RussianProse fromInstalledDocumentation() throws IOException {
        List<String> sentences = new ArrayList<>();
        for (Path source : SOURCES) {
            if (!Files.isDirectory(source)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.filter(RussianProse::isText).toList()) {
                    sentences.addAll(sentencesOf(readText(file)));
                }
            }
        }
        if (sentences.size() < 1000) {
            throw new IllegalStateException("Too little Russian text found in " + SOURCES + " (" + sentences.size()
                    + " sentences). Install it: apt-get install manpages-ru debian-faq-ru");
        }
        return new RussianProse(sentences);
    }

    int size() {
        return sentences.size();
    }

    /** A message body: one to five sentences in a row, as people write. */
    String paragraph(Random random) {
        int start = random.nextInt(sentences.size());
        int count = 1 + random.nextInt(5);
        var text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(sentences.get((start + i) % sentences.size()));
        }
        return text.toString();
    }

    /** A task title: the first few words of a sentence, without its final punctuation. */
    String title(Random random) {
        String[] words = sentences.get(random.nextInt(sentences.size())).split("\\s+");
        int length = Math.min(words.length, 3 + random.nextInt(7));
        String title = String.join(" ", List.of(words).subList(0, length)).replaceAll("[.,:;!?]+$", "");
        return title.length() > 290 ? title.substring(0, 290) : title;
    }

    private static boolean isText(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".txt.gz") || name.matches(".*\\.[1-9][a-z]*\\.gz"));
    }

    private static String readText(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file));
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            var text = new StringBuilder();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith(".") || line.startsWith("'")) {
                    continue;
                }
                text.append(GROFF_ESCAPE.matcher(line).replaceAll("")).append(' ');
            }
            return text.toString();
        }
    }

    private static List<String> sentencesOf(String text) {
        List<String> found = new ArrayList<>();
        for (String candidate : SENTENCE_END.split(text.replaceAll("\\s+", " "))) {
            String sentence = candidate.strip();
            if (sentence.length() >= 30 && sentence.length() <= 400 && mostlyCyrillic(sentence)) {
                found.add(sentence);
            }
        }
        return found;
    }

    private static boolean mostlyCyrillic(String sentence) {
        long letters = sentence.chars().filter(Character::isLetter).count();
        long cyrillic = CYRILLIC.matcher(sentence).results().count();
        return letters > 0 && cyrillic * 10 >= letters * 7;
    }
}
