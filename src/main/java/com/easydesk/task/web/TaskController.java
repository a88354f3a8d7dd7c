package com.easydesk.task.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;

import com.easydesk.category.CategoryService;
import com.easydesk.client.ClientService;
import com.easydesk.message.MessageService;
import com.easydesk.person.Person;
import com.easydesk.person.PersonService;
import com.easydesk.person.Viewer;
import com.easydesk.task.EditConflictException;
import com.easydesk.task.InvalidTaskException;
import com.easydesk.task.Priority;
import com.easydesk.task.Task;
import com.easydesk.task.TaskService;

/**
 * The task pages: the viewer's list, the new-task form, the task page with its conversation, and the
 * sub-resources htmx posts to. Each POST answers htmx with the changed fragment and a plain form post
 * with a redirect.
 */
@Controller
class TaskController {

    private final TaskService tasks;
    private final MessageService messages;
    private final CategoryService categories;
    private final PersonService people;
    private final ClientService clients;
    private final TaskPageModel pageModel;
    private final StaffListView staffList;
    private final ClientTaskList clientList;

    TaskController(TaskService tasks, MessageService messages, CategoryService categories, PersonService people,
            ClientService clients, TaskPageModel pageModel, StaffListView staffList, ClientTaskList clientList) {
        this.tasks = tasks;
        this.messages = messages;
        this.categories = categories;
        this.people = people;
        this.clients = clients;
        this.pageModel = pageModel;
        this.staffList = staffList;
        this.clientList = clientList;
    }

    /** Staff get the staff list ({@link StaffListView}); clients their own list ({@link ClientTaskList}). */
    @GetMapping("/tasks")
    String list(Viewer viewer, @RequestParam(defaultValue = "false") boolean archive,
            @RequestParam(defaultValue = "0") int page, ClientListFilter clientFilter, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        if (viewer.isStaff()) {
            return staffList.show(viewer, request, response, model);
        }
        return clientList.show(viewer, clientFilter, archive, page, model);
    }

    /** The new-task form; {@code from} starts it from a message the viewer may take (two clicks from it). */
    @GetMapping("/tasks/new")
    String newTask(Viewer viewer, @RequestParam(name = "from", required = false) Long fromMessageId, Model model) {
        var form = new TaskForm();
        form.setSubmissionKey(UUID.randomUUID().toString());
        if (fromMessageId != null) {
            form.startFrom(messages.quote(viewer, fromMessageId));
        }
        return showForm(viewer, form, model);
    }

    @PostMapping("/tasks")
    String submit(Viewer viewer, @Valid @ModelAttribute("task") TaskForm form, BindingResult errors,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model) {
        if (viewer.isClient() && form.getCategoryId() == null) {
            errors.rejectValue("categoryId", "task.category.required");
        }
        if (errors.hasErrors()) {
            return showForm(viewer, form, model);
        }
        Task task;
        try {
            task = form.getFromMessageId() == null ? tasks.submit(viewer, form.toNewTask(viewer.isStaff()), files)
                    : messages.createTaskFrom(viewer, form.getFromMessageId(), form.toNewTask(viewer.isStaff()), files);
        } catch (InvalidTaskException refused) {
            refused.problems().forEach(problem -> errors.rejectValue(problem.field(), problem.code()));
            return showForm(viewer, form, model);
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
            task = tasks.visibleTask(viewer, number);
        }
        pageModel.fill(viewer, task, model);
        model.addAttribute("reply", form);
        return htmx == null ? "tasks/show" : "tasks/show :: conversation-update";
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

    /** The side panel's parameters; a refused value is explained next to its field and nothing changes. */
    @PostMapping("/tasks/{number}/properties")
    String editProperties(Viewer viewer, @PathVariable long number,
            @ModelAttribute("properties") PropertiesForm form, BindingResult errors,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        if (!errors.hasErrors()) {
            try {
                Task task = tasks.edit(viewer, number, form.toEdit(), form.getVersion());
                return afterPropertyChange(viewer, task, htmx, model);
            } catch (InvalidTaskException refused) {
                refused.problems().forEach(problem -> errors.rejectValue(problem.field(), problem.code()));
            }
        }
        pageModel.fill(viewer, tasks.visibleTask(viewer, number), model);
        model.addAttribute("reply", freshReply());
        return htmx == null ? "tasks/show" : "tasks/show :: properties";
    }

    /** A client accepts the result of a resolved task, which closes it. */
    @PostMapping("/tasks/{number}/accept")
    String accept(Viewer viewer, @PathVariable long number, @RequestParam long version) {
        tasks.accept(viewer, number, version);
        return "redirect:/tasks/" + number;
    }

    /**
     * Someone changed the task since the viewer loaded it. An htmx change gets the side panel back with the
     * current values and a note that theirs was not saved; a plain request gets the 409 page.
     */
    @ExceptionHandler({ EditConflictException.class, ObjectOptimisticLockingFailureException.class })
    ModelAndView conflict(Viewer viewer, HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpStatus.CONFLICT.value());
        Long number = numberIn(request);
        if (request.getHeader("HX-Request") == null || number == null) {
            var page = new ModelAndView("error/409");
            page.addObject("viewer", viewer);
            return page;
        }
        var model = new ExtendedModelMap();
        pageModel.fill(viewer, tasks.visibleTask(viewer, number), model);
        var panel = new ModelAndView("tasks/show :: properties", model);
        panel.addObject("viewer", viewer);
        panel.addObject("conflict", true);
        response.setHeader("HX-Retarget", "#task-properties");
        response.setHeader("HX-Reswap", "outerHTML");
        return panel;
    }

    private static Long numberIn(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables instanceof Map<?, ?> map && map.get("number") instanceof String number) {
            try {
                return Long.valueOf(number);
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return null;
    }

    private String afterPropertyChange(Viewer viewer, Task task, String htmx, Model model) {
        if (htmx == null) {
            return "redirect:/tasks/" + task.getNumber();
        }
        pageModel.fill(viewer, tasks.visibleTask(viewer, task.getNumber()), model);
        model.addAttribute("reply", freshReply());
        return "tasks/show :: property-change";
    }

    private String showForm(Viewer viewer, TaskForm form, Model model) {
        model.addAttribute("task", form);
        if (form.getFromMessageId() != null) {
            model.addAttribute("quoted", messages.quote(viewer, form.getFromMessageId()));
        }
        model.addAttribute("categories", categories.offered());
        if (viewer.isStaff()) {
            List<Person> contacts = people.activeContacts();
            model.addAttribute("priorities", Priority.values());
            model.addAttribute("staff", people.activeStaff());
            model.addAttribute("clients", clients.active());
            model.addAttribute("contactsByClient", contacts.stream().collect(Collectors.groupingBy(
                    Person::getClientId, LinkedHashMap::new, Collectors.toList())));
        }
        return "tasks/new";
    }

    private static ReplyForm freshReply() {
        var form = new ReplyForm();
        form.setSubmissionKey(UUID.randomUUID().toString());
        return form;
    }
}
