/** Smart search: a Lucene index of tasks, messages and file names, queried within what the viewer may see. */
package com.easydesk.search;
