package com.easydesk.person;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A new password is long enough and not one that attackers try first. */
class PasswordRulesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "йцукенгшщз", "ЙЦУКЕНГШЩЗ", "фывапролдж", "qwertyuiop", "1234567890", "0987654321",
        "1q2w3e4r5t", "zaq12wsxcde", "password123", "Password2024!", "qwerty12345", "gfhjkm12345", "ghbdtn12345",
        "пароль12345", "парольпароль", "люблютебя!!", "1111111111", "aaaaaaaaaaaa", "abcabcabcabc", "123123123123",
        "abcdefghijkl", "zyxwvutsrqpo", "абвгдежзийкл", "asdfghjkl;'", "01.01.1990", "1990-12-31", "31121990!!",
        "poiuytrewq12", "  iloveyou2020  ", "зфыыцщкв123", "Спартак2024", "correcthorsebatterystaple" })
    void aCommonPasswordOrAnObviousPatternIsRefused(String password) {
        assertThat(PasswordRules.problemWith(password)).as(password).contains("password.common");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "ромашка цветёт в мае", "новый пароль для профиля", "correct horse battery",
        "Kx9!mPq2#vL", "тридцать три коровы", "мой кот любит сметану", "horse-staple-moon-42", "2 кота и 3 собаки" })
    void anUncommonPasswordIsAccepted(String password) {
        assertThat(PasswordRules.problemWith(password)).as(password).isEmpty();
    }

    @Test
    void spacesAloneAreNoPassword() {
        assertThat(PasswordRules.problemWith(" ".repeat(12))).contains("password.mostly-spaces");
        assertThat(PasswordRules.problemWith("a  b  c  d  ")).contains("password.mostly-spaces");
        assertThat(PasswordRules.problemWith("лес  поле  река")).isEmpty();
    }

    @Test
    void lengthComesFirst() {
        assertThat(PasswordRules.problemWith("qwerty")).contains("password.too-short");
        assertThat(PasswordRules.problemWith("я".repeat(37))).contains("password.too-long");
    }

    @Test
    void everyListedPasswordOfTheMinimumLengthIsRefused() throws IOException {
        List<String> listed = listed();

        assertThat(listed).hasSizeGreaterThan(300).doesNotHaveDuplicates();
        for (String entry : listed) {
            assertThat(entry).as("lower case, no spaces").isEqualTo(entry.toLowerCase()).doesNotContainPattern("\\s");
            if (entry.length() >= PasswordRules.MIN_LENGTH) {
                assertThat(PasswordRules.problemWith(entry)).as(entry).contains("password.common");
            }
            if (entry.codePoints().anyMatch(Character::isLetter)) {
                assertThat(PasswordRules.problemWith(entry + "2024!")).as(entry + "2024!").isNotEmpty();
            }
        }
    }

    private static List<String> listed() throws IOException {
        try (var reader = new BufferedReader(new InputStreamReader(
                PasswordRules.class.getResourceAsStream("/person/common-passwords.txt"), StandardCharsets.UTF_8))) {
            return reader.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        }
    }
}
