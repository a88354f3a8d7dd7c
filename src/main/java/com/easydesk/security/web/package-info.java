/** The director's page of sign-in locks. */
package com.easydesk.security.web;
