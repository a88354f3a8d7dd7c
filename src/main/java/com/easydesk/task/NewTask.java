package com.easydesk.task;

/**
 * What a client, or staff, submits; the submission key makes a double submit harmless. Staff also give
 * the {@link TaskDetails}; a client's submission has none.
 */
public record NewTask(String title, String description, Long categoryId, String submissionKey, TaskDetails details) {

    /** A client's submission: title, description, category. */
    public NewTask(String title, String description, Long categoryId, String submissionKey) {
        this(title, description, categoryId, submissionKey, null);
    }
}
