package com.easydesk.message;

import java.util.List;

import com.easydesk.attachment.Attachment;

/**
 * A message as a new task takes it over: its text and files, and what the task it belongs to says about
 * the client, so that a form can start from there. Only handed out for a message the viewer may see.
 */
public record QuotedMessage(long id, long taskNumber, String taskTitle, String body, boolean internal,
        boolean taskInternal, Long categoryId, Long clientId, Long contactId, List<Attachment> files) {

    /** A title to start from: the first line of the text, cut to a readable length. */
    public String suggestedTitle() {
        String firstLine = body.strip().lines().findFirst().orElse("").strip();
        String title = firstLine.isEmpty() ? taskTitle : firstLine;
        return title.length() > 120 ? title.substring(0, 119).strip() + "…" : title;
    }
}
