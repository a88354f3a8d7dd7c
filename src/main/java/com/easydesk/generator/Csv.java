package com.easydesk.generator;

import java.time.Instant;
import java.time.LocalDate;

/** Rows for PostgreSQL's COPY … (FORMAT csv): quoted text, empty for NULL. */
final class Csv {

    private final StringBuilder rows = new StringBuilder(1 << 20);
    private int count;

    Csv row(Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                rows.append(',');
            }
            append(values[i]);
        }
        rows.append('\n');
        count++;
        return this;
    }

    int count() {
        return count;
    }

    int length() {
        return rows.length();
    }

    String take() {
        String taken = rows.toString();
        rows.setLength(0);
        count = 0;
        return taken;
    }

    private void append(Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof Instant
                || value instanceof LocalDate) {
            rows.append(value);
            return;
        }
        rows.append('"').append(value.toString().replace("\"", "\"\"")).append('"');
    }
}
