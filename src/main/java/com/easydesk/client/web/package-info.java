/** Staff pages for client companies and their contacts, under {@code /clients}. */
package com.easydesk.client.web;
