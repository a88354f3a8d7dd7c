package com.easydesk.person;

import java.util.Locale;

/** The interface languages; a person's choice also decides the language of the e-mail they get. */
public enum Language {
    /** Russian, the primary language and the default. */
    RU,
    /** English. */
    EN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }

    /** The language with this code; anything unknown is Russian, the default. */
    public static Language ofCode(String code) {
        for (Language language : values()) {
            if (language.code().equalsIgnoreCase(code)) {
                return language;
            }
        }
        return RU;
    }
}
