package com.easydesk.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every visible string comes from the bundles, in both languages. */
class MessageBundlesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern KEY_IN_TEMPLATE = Pattern.compile("#\\{'?([a-zA-Z0-9.\\-]+)");
    /** Text between tags that is not only whitespace, punctuation, digits or a Thymeleaf placeholder. */
    private static final Pattern LITERAL_TEXT = Pattern.compile(">([^<>]*\\p{L}[^<>]*)<");
    private static final Pattern REPLACES_TEXT = Pattern.compile("th:(text|utext|errors|replace)=");

    @Test
    void russianAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(load("messages_en.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
    }

    @Test
    void everyKeyUsedInTemplatesExists() throws IOException {
        Set<String> known = load("messages.properties").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        for (Path template : templates()) {
            Matcher matcher = KEY_IN_TEMPLATE.matcher(Files.readString(template));
            while (matcher.find()) {
                String key = matcher.group(1).replaceAll("\\.$", "");
                boolean prefixOfDynamicKey = known.stream().anyMatch(k -> k.startsWith(key));
                if (!known.contains(key) && !prefixOfDynamicKey) {
                    missing.add(template.getFileName() + ": " + key);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /**
     * Text written straight into a template would show in Russian to English readers. Elements whose
     * text Thymeleaf replaces (th:text and the like) may keep a placeholder for the designer.
     */
    @Test
    void templatesHoldNoLiteralText() throws IOException {
        Set<String> literal = new TreeSet<>();
        for (Path template : templates()) {
            String html = Files.readString(template);
            Matcher matcher = LITERAL_TEXT.matcher(html);
            while (matcher.find()) {
                String openingTag = html.substring(html.lastIndexOf('<', matcher.start()), matcher.start() + 1);
                if (!REPLACES_TEXT.matcher(openingTag).find()) {
                    literal.add(template.getFileName() + ": " + matcher.group(1).strip());
                }
            }
        }
        assertThat(literal).isEmpty();
    }

    private static Stream<Path> templateStream() throws IOException {
        return Files.walk(TEMPLATES).filter(path -> path.toString().endsWith(".html"));
    }

    private static Iterable<Path> templates() throws IOException {
        try (Stream<Path> paths = templateStream()) {
            return paths.toList();
        }
    }

    private static Properties load(String name) throws IOException {
        var properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
