/** The routing settings page: rules, their order, absences and the preview. */
package com.easydesk.routing.web;
