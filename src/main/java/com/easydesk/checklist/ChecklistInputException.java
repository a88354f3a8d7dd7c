package com.easydesk.checklist;

/** A checklist input refused with the key of the message that explains why; nothing is stored. */
public class ChecklistInputException extends RuntimeException {

    private final String code;

    public ChecklistInputException(String code) {
        super("Checklist input refused: " + code);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
