/** Web pages of tasks. */
package com.easydesk.task.web;
