package com.easydesk.message;

/** Published in the transaction that stored the message, so notifications are written with it. */
public record MessagePosted(long messageId, long taskId, long authorId, boolean internal) {
}
