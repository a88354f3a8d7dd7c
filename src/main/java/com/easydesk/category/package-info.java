/** Task categories and the default responsible employee of each. */
package com.easydesk.category;
