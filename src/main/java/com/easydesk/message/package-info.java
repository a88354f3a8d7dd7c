/** Messages of a task: public replies and internal notes. */
package com.easydesk.message;
