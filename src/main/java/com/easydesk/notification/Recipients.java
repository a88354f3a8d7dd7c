package com.easydesk.notification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.easydesk.person.NotificationTopic;
import com.easydesk.person.Person;
import com.easydesk.task.Task;

/**
 * People to tell about one event of a task, each once: never the actor, never anyone already told, never a
 * deactivated account, and never a client about an internal task, whoever asks to add them. E-mail also
 * asks the person's profile about the topic; the notification area does not, it holds every event.
 */
final class Recipients {

    private final Task task;
    private final long actorId;
    private final NotificationTopic topic;
    private final Map<Long, Person> people = new LinkedHashMap<>();
    private final Map<Long, Person> excluded = new LinkedHashMap<>();
    private boolean staffOnly;

    private Recipients(Task task, long actorId, NotificationTopic topic, Person... alreadyTold) {
        this.task = task;
        this.actorId = actorId;
        this.topic = topic;
        for (Person person : alreadyTold) {
            if (person != null) {
                excluded.put(person.getId(), person);
            }
        }
    }

    /** Recipients of an e-mail about this topic: only people whose profile asks for it. */
    static Recipients ofMail(Task task, long actorId, NotificationTopic topic, Person... alreadyTold) {
        return new Recipients(task, actorId, topic, alreadyTold);
    }

    /** Recipients of an entry in the notification area, whatever their e-mail settings say. */
    static Recipients ofArea(Task task, long actorId) {
        return new Recipients(task, actorId, null);
    }

    void add(Person person) {
        if (person == null || person.getId() == actorId || !person.isActive()
                || excluded.containsKey(person.getId()) || (topic != null && !person.wantsMailAbout(topic))) {
            return;
        }
        if (!person.isStaff() && (task.isInternal() || staffOnly)) {
            return;
        }
        people.putIfAbsent(person.getId(), person);
    }

    /** From now on clients are left out, whoever asks to add them: the news is internal. */
    void keepToStaff() {
        staffOnly = true;
    }

    void addStaffSide() {
        add(task.getResponsible());
        add(task.getCoExecutor());
        task.getObservers().forEach(this::add);
    }

    void addClientSide() {
        add(task.getContact());
        task.getWatchers().forEach(this::add);
    }

    void forEach(Consumer<Person> action) {
        people.values().forEach(action);
    }

    List<Long> ids() {
        return List.copyOf(people.keySet());
    }
}
