/** What every page shares: the home redirect, sign-in page, layout model, error pages, language. */
package com.easydesk.web;
