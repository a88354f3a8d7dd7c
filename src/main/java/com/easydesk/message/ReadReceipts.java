package com.easydesk.message;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.easydesk.person.Person;
import com.easydesk.person.Viewer;
import com.easydesk.task.Task;

/**
 * Read receipts (DESIGN.md §2.12). A message counts as read by a person when they open its task with it on
 * screen. The recipients of a message are the task's participants who may read it, its author aside: staff
 * of the task for every message, the contact and watchers for a public one. Who sees receipts: staff on every
 * message, with everyone who read it; a client on their own messages only, without the observers, who stay
 * the provider's business as they do on the rest of the page. A client never sees a receipt of anything
 * internal, because they never see an internal message and an internal message has no client reader.
 */
@Service
@Transactional(readOnly = true)
public class ReadReceipts {

    private final MessageReads reads;
    private final Clock clock;

    ReadReceipts(MessageReads reads, Clock clock) {
        this.reads = reads;
        this.clock = clock;
    }

    /** The viewer has these messages of the task on screen: the ones others wrote are read by them now. */
    @Transactional
    public void markShown(Viewer viewer, Task task, List<Message> shown) {
        List<Long> others = shown.stream().filter(message -> message.getAuthor().getId() != viewer.id())
                .map(Message::getId).toList();
        if (!others.isEmpty()) {
            reads.markRead(others, task.getId(), viewer.id(), viewer.isStaff(), clock.instant());
        }
    }

    /** The receipts the viewer may see for the messages on their page, by message id; read in one query. */
    public Map<Long, MessageReceipts> of(Viewer viewer, Task task, List<Message> shown) {
        List<Message> withReceipts = shown.stream()
                .filter(message -> viewer.isStaff()
                        || (!message.isInternal() && message.getAuthor().getId() == viewer.id()))
                .toList();
        if (withReceipts.isEmpty()) {
            return Map.of();
        }
        Map<Long, Map<Long, MessageRead>> readsByMessage = new HashMap<>();
        for (MessageRead read : reads.findOfMessages(withReceipts.stream().map(Message::getId).toList())) {
            readsByMessage.computeIfAbsent(read.messageId(), id -> new HashMap<>()).put(read.reader().getId(), read);
        }
        Map<Long, MessageReceipts> receipts = new LinkedHashMap<>();
        for (Message message : withReceipts) {
            List<Receipt> lines = receiptsOf(viewer, task, message, readsByMessage.getOrDefault(message.getId(),
                    Map.of()));
            if (!lines.isEmpty()) {
                receipts.put(message.getId(), new MessageReceipts(lines));
            }
        }
        return receipts;
    }

    private static List<Receipt> receiptsOf(Viewer viewer, Task task, Message message, Map<Long, MessageRead> read) {
        List<Receipt> lines = new ArrayList<>();
        Map<Long, Person> recipients = recipients(viewer, task, message);
        for (Person person : recipients.values()) {
            MessageRead receipt = read.get(person.getId());
            // A deactivated participant who never read it is nobody the message still waits for.
            if (receipt != null || person.isActive()) {
                lines.add(new Receipt(person, receipt == null ? null : receipt.readAt(), true));
            }
        }
        if (viewer.isStaff()) {
            boolean staffOnly = message.isInternal() || task.isInternal();
            read.values().stream()
                    .filter(receipt -> !recipients.containsKey(receipt.reader().getId()))
                    .filter(receipt -> !receipt.reader().getId().equals(message.getAuthor().getId()))
                    .filter(receipt -> !staffOnly || receipt.reader().isStaff())
                    .sorted(Comparator.comparing(MessageRead::readAt))
                    .forEach(receipt -> lines.add(new Receipt(receipt.reader(), receipt.readAt(), false)));
        }
        return lines;
    }

    /** The participants who may read the message, its author aside, in the order the task names them. */
    private static Map<Long, Person> recipients(Viewer viewer, Task task, Message message) {
        List<Person> candidates = new ArrayList<>();
        candidates.add(task.getResponsible());
        candidates.add(task.getCoExecutor());
        if (viewer.isStaff()) {
            candidates.addAll(task.getObservers());
        }
        if (!message.isInternal() && !task.isInternal()) {
            candidates.add(task.getContact());
            candidates.addAll(task.getWatchers());
        }
        Map<Long, Person> recipients = new LinkedHashMap<>();
        for (Person person : candidates) {
            if (person != null && !person.getId().equals(message.getAuthor().getId())) {
                recipients.putIfAbsent(person.getId(), person);
            }
        }
        return recipients;
    }
}
