/** Checklists of tasks and the manager's checklist templates. */
package com.easydesk.checklist;
