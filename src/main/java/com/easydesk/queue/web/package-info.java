/** The employee queue page and its group fragments. */
package com.easydesk.queue.web;
