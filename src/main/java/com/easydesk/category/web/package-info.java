/** The manager's category pages, under {@code /categories}. */
package com.easydesk.category.web;
