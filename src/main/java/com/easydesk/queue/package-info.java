/** The employee queue: overdue, today, upcoming. */
package com.easydesk.queue;
