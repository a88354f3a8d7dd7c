/** Attached files: content-addressed storage and the attachments that name it. */
package com.easydesk.attachment;
