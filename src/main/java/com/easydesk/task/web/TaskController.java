package com.easydesk.task.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import com.easydesk.category.CategoryService;
import com.easydesk.message.MessageService;
import com.easydesk.person.Viewer;
import com.easydesk.task.Task;
import com.easydesk.task.TaskService;

/**
 * The task pages: the viewer's list, the new-task form, the task page with its conversation, and the
 * sub-resources htmx posts to. Each POST answers htmx with the changed fragment and a plain form post
 * with a redirect.
 */
@Controller
class TaskController {

    private static final int PAGE_SIZE = 50;

    private final TaskService tasks;
    private final MessageService messages;
    private final CategoryService categories;
    private final TaskPageModel pageModel;

    TaskController(TaskService tasks, MessageService messages, CategoryService categories,
            TaskPageModel pageModel) {
        this.tasks = tasks;
        this.messages = messages;
        this.categories = categories;
        this.pageModel = pageModel;
    }

    @GetMapping("/tasks")
    String list(Viewer viewer, @RequestParam(defaultValue = "false") boolean archive,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("archive", archive);
        model.addAttribute("tasks", tasks.listFor(viewer, archive, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        return "tasks/list";
    }

    @GetMapping("/tasks/new")
    String newTask(Model model) {
        var form = new TaskForm();
        form.setSubmissionKey(UUID.randomUUID().toString());
        return showForm(form, model);
    }

    @PostMapping("/tasks")
    String submit(Viewer viewer, @Valid @ModelAttribute("task") TaskForm form, BindingResult errors,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model) {
        if (form.getCategoryId() != null && categories.findOffered(form.getCategoryId()).isEmpty()) {
            errors.rejectValue("categoryId", "task.category.unknown");
        }
        if (errors.hasErrors()) {
            return showForm(form, model);
        }
        Task task;
        try {
            task = tasks.submit(viewer, form.toNewTask(), files);
        } catch (DataIntegrityViolationException sameKeyAtOnce) {
            // Two requests with one submission key raced; the other one stored the task.
            task = tasks.findSubmitted(viewer, form.getSubmissionKey()).orElseThrow(() -> sameKeyAtOnce);
        }
        return "redirect:/tasks/" + task.getNumber();
    }

    @GetMapping("/tasks/{number}")
    String show(Viewer viewer, @PathVariable long number, Model model) {
        pageModel.fill(viewer, tasks.visibleTask(viewer, number), model);
        model.addAttribute("reply", freshReply());
        return "tasks/show";
    }

    @PostMapping("/tasks/{number}/messages")
    String reply(Viewer viewer, @PathVariable long number, @Valid @ModelAttribute("reply") ReplyForm form,
            BindingResult errors, @RequestParam(name = "files", required = false) List<MultipartFile> files,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Task task = tasks.visibleTask(viewer, number);
        boolean hasFiles = files != null && files.stream().anyMatch(file -> !file.isEmpty()
                || (file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank()));
        if ((form.getBody() == null || form.getBody().isBlank()) && !hasFiles) {
            errors.rejectValue("body", "message.body.required");
        }
        if (!errors.hasErrors()) {
            try {
                messages.post(viewer, number, form.toNewMessage(), files);
            } catch (DataIntegrityViolationException sameKeyAtOnce) {
                messages.findSubmitted(viewer, form.getSubmissionKey()).orElseThrow(() -> sameKeyAtOnce);
            }
            if (htmx == null) {
                return "redirect:/tasks/" + number;
            }
            form = freshReply();
        }
        pageModel.fill(viewer, task, model);
        model.addAttribute("reply", form);
        return htmx == null ? "tasks/show" : "tasks/show :: conversation";
    }

    @PostMapping("/tasks/{number}/status")
    String changeStatus(Viewer viewer, @PathVariable long number, @RequestParam long statusId,
            @RequestParam long version, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        Task task = tasks.changeStatus(viewer, number, statusId, version);
        return afterPropertyChange(viewer, task, htmx, model);
    }

    @PostMapping("/tasks/{number}/responsible")
    String changeResponsible(Viewer viewer, @PathVariable long number, @RequestParam long responsibleId,
            @RequestParam long version, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        Task task = tasks.assignResponsible(viewer, number, responsibleId, version);
        return afterPropertyChange(viewer, task, htmx, model);
    }

    private String afterPropertyChange(Viewer viewer, Task task, String htmx, Model model) {
        if (htmx == null) {
            return "redirect:/tasks/" + task.getNumber();
        }
        pageModel.fill(viewer, tasks.visibleTask(viewer, task.getNumber()), model);
        model.addAttribute("reply", freshReply());
        return "tasks/show :: properties";
    }

    private String showForm(TaskForm form, Model model) {
        model.addAttribute("task", form);
        model.addAttribute("categories", categories.offered());
        return "tasks/new";
    }

    private static ReplyForm freshReply() {
        var form = new ReplyForm();
        form.setSubmissionKey(UUID.randomUUID().toString());
        return form;
    }
}
