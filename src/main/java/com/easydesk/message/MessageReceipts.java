package com.easydesk.message;

import java.util.List;

/** Who may read one message and who has: its recipients first, in the order of the task's parts. */
public record MessageReceipts(List<Receipt> receipts) {

    public long readCount() {
        return receipts.stream().filter(Receipt::isRead).count();
    }

    public int total() {
        return receipts.size();
    }

    public boolean allRead() {
        return readCount() == total();
    }

    /** Whether the message has one recipient only: then the page shows their line at once, without a summary. */
    public boolean single() {
        return receipts.size() == 1;
    }
}
