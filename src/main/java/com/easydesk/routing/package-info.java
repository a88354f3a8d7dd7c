/** Routing rules: who gets a new task, decided by an ordered list a manager keeps. */
package com.easydesk.routing;
