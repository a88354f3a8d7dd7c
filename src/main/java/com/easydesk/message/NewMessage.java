package com.easydesk.message;

/** A reply as typed: the text, whether it is internal (staff only) and the form's submission key. */
public record NewMessage(String body, boolean internal, String submissionKey) {
}
