/** The search results page, the header's search-as-you-type dropdown and the director's index page. */
package com.easydesk.search.web;
