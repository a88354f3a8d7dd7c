package com.easydesk.task;

/** What a client (or staff on their behalf) submits; the submission key makes a double submit harmless. */
public record NewTask(String title, String description, Long categoryId, String submissionKey) {
}
