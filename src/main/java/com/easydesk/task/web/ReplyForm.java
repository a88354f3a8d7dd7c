package com.easydesk.task.web;

import jakarta.validation.constraints.Size;

import com.easydesk.message.NewMessage;

/** The reply box under a conversation. */
class ReplyForm {

    @Size(max = 100_000, message = "{message.body.too-long}")
    private String body;

    private boolean internal;

    private String submissionKey;

    NewMessage toNewMessage() {
        return new NewMessage(body == null ? "" : body, internal, submissionKey);
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public boolean isInternal() {
        return internal;
    }

    public void setInternal(boolean internal) {
        this.internal = internal;
    }

    public String getSubmissionKey() {
        return submissionKey;
    }

    public void setSubmissionKey(String submissionKey) {
        this.submissionKey = submissionKey;
    }
}
