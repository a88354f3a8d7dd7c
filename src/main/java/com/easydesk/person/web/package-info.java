/** Pages about people: the director's staff list, everyone's profile, a supervisor's company, passwords. */
package com.easydesk.person.web;
