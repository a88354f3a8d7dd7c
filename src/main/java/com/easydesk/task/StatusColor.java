package com.easydesk.task;

/** The colours a status can wear: the interface's palette, so that every one stays readable. */
public enum StatusColor {
    /** Blue: the usual colour of something new. */
    PRIMARY,
    /** Grey: set aside. */
    SECONDARY,
    /** Green: done well. */
    SUCCESS,
    /** Red: needs attention. */
    DANGER,
    /** Yellow: waiting. */
    WARNING,
    /** Light blue: in progress. */
    INFO,
    /** Almost white. */
    LIGHT,
    /** Almost black: finished. */
    DARK;

    /** The name stored and used in CSS classes ({@code text-bg-primary}). */
    public String code() {
        return name().toLowerCase();
    }

    public static StatusColor of(String code) {
        return valueOf(code.toUpperCase());
    }
}
