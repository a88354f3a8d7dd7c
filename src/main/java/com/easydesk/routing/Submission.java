package com.easydesk.routing;

import java.time.Instant;

/** What routing knows of a new task: whose it is, what it is about, when it came, and the fallback. */
public record Submission(Long clientId, Long categoryId, Instant at, Long categoryDefaultId) {
}
