/** The notification area's page and the header's bell. */
package com.easydesk.notification.web;
