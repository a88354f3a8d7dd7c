package com.easydesk.task;

import java.util.List;

/**
 * Input the task feature cannot take (a task's fields, a status): each problem names the form field and
 * the message key that explains it. Thrown before anything is stored (or inside the transaction, which it
 * rolls back).
 */
public class InvalidTaskException extends RuntimeException {

    private final transient List<Problem> problems;

    public InvalidTaskException(List<Problem> problems) {
        super("Invalid task input: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** One refused field and the key of the message shown next to it. */
    public record Problem(String field, String code) {
    }
}
