package com.easydesk.shared;

import java.util.Locale;

/** What a person typed into a list's search field, as a case-insensitive LIKE pattern. */
public final class SearchText {

    private SearchText() {
    }

    /**
     * A pattern matching any text that contains the query, ignoring case; the LIKE wildcards a person
     * types are taken literally. An empty query matches everything.
     */
    public static String containing(String query) {
        String typed = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        String literal = typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + literal + "%";
    }
}
