/** Who hears about a change to a task: their e-mail and their entries in the notification area. */
package com.easydesk.notification;
