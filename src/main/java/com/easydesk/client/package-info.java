/** Client companies, the provider's customers. */
package com.easydesk.client;
