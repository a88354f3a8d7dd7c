package com.easydesk.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.easydesk.person.Viewer;
import com.easydesk.shared.NotFoundException;
import com.easydesk.task.InvalidTaskException.Problem;

/**
 * The status set, as a manager keeps it: rename, recolour, reorder, add and retire statuses at any time.
 * A status's kind is fixed when it is added, and every kind keeps at least one status that can be chosen,
 * so that new tasks, work, waiting, resolving and closing stay possible.
 */
@Service
@Transactional(readOnly = true)
public class StatusService {

    private static final int STEP = 10;

    private final TaskStatuses statuses;

    StatusService(TaskStatuses statuses) {
        this.statuses = statuses;
    }

    /** Every status, the retired ones too, in the order people see them. */
    public List<TaskStatus> all(Viewer viewer) {
        requireManager(viewer);
        return statuses.findAllInOrder();
    }

    @Transactional
    public TaskStatus add(Viewer viewer, String name, StatusKind kind, StatusColor color) {
        requireManager(viewer);
        requireName(name, -1);
        String code = kind.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        return statuses.save(new TaskStatus(code, name, kind, statuses.findLastPosition() + STEP, color));
    }

    @Transactional
    public TaskStatus change(Viewer viewer, long id, String name, StatusColor color) {
        TaskStatus status = managed(viewer, id);
        requireName(name, id);
        status.rename(name);
        status.recolour(color);
        return status;
    }

    /** Moves a status one place up or down in the order; renumbers all so positions stay distinct. */
    @Transactional
    public void move(Viewer viewer, long id, boolean up) {
        TaskStatus status = managed(viewer, id);
        List<TaskStatus> ordered = new ArrayList<>(statuses.findAllInOrder());
        int index = ordered.indexOf(status);
        int other = up ? index - 1 : index + 1;
        if (other >= 0 && other < ordered.size()) {
            ordered.set(index, ordered.get(other));
            ordered.set(other, status);
        }
        for (int i = 0; i < ordered.size(); i++) {
            ordered.get(i).placeAt((i + 1) * STEP);
        }
    }

    /** Retires or restores a status; the last status of a kind that can be chosen cannot retire. */
    @Transactional
    public void setActive(Viewer viewer, long id, boolean active) {
        TaskStatus status = managed(viewer, id);
        if (active) {
            status.restore();
            return;
        }
        if (status.isActive() && statuses.countByKindAndActiveTrue(status.getKind()) <= 1) {
            throw new InvalidTaskException(List.of(new Problem("active", "status.last-of-kind")));
        }
        status.retire();
    }

    private TaskStatus managed(Viewer viewer, long id) {
        requireManager(viewer);
        return statuses.findById(id).orElseThrow(() -> new NotFoundException("Status " + id));
    }

    private void requireName(String name, long exceptId) {
        if (name == null || name.isBlank()) {
            throw new InvalidTaskException(List.of(new Problem("name", "status.name.required")));
        }
        if (name.strip().length() > 100) {
            throw new InvalidTaskException(List.of(new Problem("name", "status.name.too-long")));
        }
        // Two statuses of one name could not be told apart in any list or filter.
        if (statuses.existsNamed(name.strip().toLowerCase(Locale.ROOT), exceptId)) {
            throw new InvalidTaskException(List.of(new Problem("name", "status.name.taken")));
        }
    }

    private static void requireManager(Viewer viewer) {
        if (!viewer.canManage()) {
            throw new NotFoundException("Status settings");
        }
    }
}
