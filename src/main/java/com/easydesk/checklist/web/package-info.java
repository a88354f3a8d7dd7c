/** The checklist on the task page and the manager's page of checklist templates. */
package com.easydesk.checklist.web;
