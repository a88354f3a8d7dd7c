/** A realistic installation for benchmarks: companies, people, tasks and messages of real Russian prose. */
package com.easydesk.generator;
