package com.easydesk.checklist;

import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.easydesk.person.Viewer;
import com.easydesk.shared.NotFoundException;

/** Checklist templates as a manager keeps them; staff pick active ones on a task. */
@Service
@Transactional(readOnly = true)
public class ChecklistTemplateService {

    private final ChecklistTemplates templates;

    ChecklistTemplateService(ChecklistTemplates templates) {
        this.templates = templates;
    }

    /** Every template, the retired ones too, for the manager's page. */
    public List<ChecklistTemplate> all(Viewer viewer) {
        requireManager(viewer);
        return templates.findAllWithSteps();
    }

    /** The templates staff can apply to a task. */
    public List<ChecklistTemplate> offered() {
        return templates.findAllWithSteps().stream().filter(ChecklistTemplate::isActive).toList();
    }

    /** Adds a template; its steps are the non-empty lines of the text. */
    @Transactional
    public ChecklistTemplate add(Viewer viewer, String name, String steps) {
        requireManager(viewer);
        check(name, steps);
        return templates.save(new ChecklistTemplate(name, lines(steps)));
    }

    @Transactional
    public void change(Viewer viewer, long id, String name, String steps) {
        ChecklistTemplate template = managed(viewer, id);
        check(name, steps);
        template.rename(name);
        template.replaceSteps(lines(steps));
    }

    @Transactional
    public void setActive(Viewer viewer, long id, boolean active) {
        ChecklistTemplate template = managed(viewer, id);
        if (active) {
            template.restore();
        } else {
            template.retire();
        }
    }

    private ChecklistTemplate managed(Viewer viewer, long id) {
        requireManager(viewer);
        return templates.findById(id).orElseThrow(() -> new NotFoundException("Checklist template " + id));
    }

    private static void check(String name, String steps) {
        if (name == null || name.isBlank()) {
            throw new ChecklistInputException("checklist.template.name.required");
        }
        if (name.strip().length() > 200) {
            throw new ChecklistInputException("checklist.template.name.too-long");
        }
        if (lines(steps).isEmpty()) {
            throw new ChecklistInputException("checklist.template.steps.required");
        }
        if (lines(steps).stream().anyMatch(step -> step.length() > ChecklistItem.MAX_TEXT)) {
            throw new ChecklistInputException("checklist.item.too-long");
        }
    }

    private static List<String> lines(String steps) {
        return steps == null ? List.of()
                : Arrays.stream(steps.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static void requireManager(Viewer viewer) {
        if (!viewer.canManage()) {
            throw new NotFoundException("Checklist templates");
        }
    }
}
