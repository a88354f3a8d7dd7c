/** Start-up help for the database: create it when missing, explain when none answers. */
package com.easydesk.database;
