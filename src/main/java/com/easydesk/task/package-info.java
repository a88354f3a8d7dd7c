/** Tasks: submission, visibility, statuses, the responsible employee. */
package com.easydesk.task;
