/** Outgoing e-mail: the outbox table and the background sender that retries with back-off. */
package com.easydesk.mail;
