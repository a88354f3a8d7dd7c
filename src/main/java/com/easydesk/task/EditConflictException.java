package com.easydesk.task;

/** Someone else changed the task after the viewer loaded it; the viewer must reload and decide again. */
public class EditConflictException extends RuntimeException {

    private final long number;

    public EditConflictException(long number) {
        super("Task " + number + " was changed by someone else");
        this.number = number;
    }

    public long number() {
        return number;
    }
}
