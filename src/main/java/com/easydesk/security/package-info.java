/** Sign-in, sessions, URL-level access rules and the security headers of every answer. */
package com.easydesk.security;
