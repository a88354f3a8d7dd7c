package com.easydesk.notification;

/** The header's bell: how many entries the viewer has not read, and how often the page asks again. */
public record NotificationBell(long unread, long pollMillis) {

    /** The badge's text; a large count is cut short so that the header keeps its size. */
    public String badge() {
        return unread > 99 ? "99+" : String.valueOf(unread);
    }
}
