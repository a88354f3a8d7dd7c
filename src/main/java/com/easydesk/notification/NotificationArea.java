package com.easydesk.notification;

import java.time.Clock;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.easydesk.person.Viewer;

/**
 * The notification area «Новые сообщения» as a viewer reads it: the unread count of the header's bell, the
 * list of entries, and marking them read. A client sees only entries of tasks they may open now (a watcher
 * who was removed loses the task's entries) and never one of an internal task or message.
 */
@Service
@Transactional(readOnly = true)
public class NotificationArea {

    private final Notifications notifications;
    private final NotificationProperties properties;
    private final Clock clock;

    NotificationArea(Notifications notifications, NotificationProperties properties, Clock clock) {
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
    }

    /** One count on an index: staff see every task, a client only the tasks they may open. */
    public long unreadCount(Viewer viewer) {
        if (viewer.isStaff()) {
            return notifications.countUnread(viewer.id());
        }
        return notifications.countUnreadOfClient(viewer.id(), clientOf(viewer), viewer.isClientSupervisor());
    }

    public NotificationBell bell(Viewer viewer) {
        return new NotificationBell(unreadCount(viewer), properties.pollInterval().toMillis());
    }

    /** The viewer's entries, newest first, read ones included. */
    public Page<Notification> entries(Viewer viewer, Pageable page) {
        if (viewer.isStaff()) {
            return notifications.findOf(viewer.id(), page);
        }
        return notifications.findOfClient(viewer.id(), clientOf(viewer), viewer.isClientSupervisor(), page);
    }

    /** The viewer opened the task: its entries for them are read. */
    @Transactional
    public void markTaskRead(Viewer viewer, long taskId) {
        notifications.markTaskRead(viewer.id(), taskId, clock.instant());
    }

    @Transactional
    public int markAllRead(Viewer viewer) {
        return notifications.markAllRead(viewer.id(), clock.instant());
    }

    /** A contact always belongs to a company; an id no company has would match nothing if one did not. */
    private static long clientOf(Viewer viewer) {
        return viewer.clientId() == null ? -1L : viewer.clientId();
    }
}
