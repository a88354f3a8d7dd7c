/** Who hears about a change to a task, and the e-mail they get. */
package com.easydesk.notification;
