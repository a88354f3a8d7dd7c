/** Small pieces every feature uses: exceptions with a fixed meaning for the web layer. */
package com.easydesk.shared;
