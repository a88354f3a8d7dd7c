package com.easydesk.search;

/**
 * One task found. {@code titleHtml} and {@code snippetHtml} are safe HTML: the text is escaped and only
 * {@code <mark>} tags around the matching words are added; every other field is plain text.
 */
public record SearchHit(long number, String title, String titleHtml, String statusName, String statusColor,
        boolean internal, Source source, String snippetHtml) {

    /** Where the snippet comes from. */
    public enum Source {
        /** The task's description. */
        DESCRIPTION,
        /** A message of the conversation the viewer may read. */
        MESSAGE,
        /** The name of a file the viewer may open. */
        FILE,
        /** An internal message: found for staff only, and shown as such. */
        INTERNAL_MESSAGE
    }
}
