/** People who sign in: client contacts and supervisors, employees, managers, the director. */
package com.easydesk.person;
