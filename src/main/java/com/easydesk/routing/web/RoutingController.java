package com.easydesk.routing.web;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import com.easydesk.category.Category;
import com.easydesk.category.CategoryService;
import com.easydesk.client.Client;
import com.easydesk.client.ClientService;
import com.easydesk.person.Person;
import com.easydesk.person.PersonService;
import com.easydesk.routing.BusinessHours;
import com.easydesk.routing.RoutingAction;
import com.easydesk.routing.RoutingService;
import com.easydesk.routing.Submission;
import com.easydesk.routing.TimeCondition;
import com.easydesk.task.Priority;

/** The routing settings page of managers and the director (URL prefix secured in SecurityConfig). */
@Controller
class RoutingController {

    private final RoutingService routing;
    private final ClientService clients;
    private final CategoryService categories;
    private final PersonService people;
    private final BusinessHours hours;

    RoutingController(RoutingService routing, ClientService clients, CategoryService categories,
            PersonService people, BusinessHours hours) {
        this.routing = routing;
        this.clients = clients;
        this.categories = categories;
        this.people = people;
        this.hours = hours;
    }

    @GetMapping("/routing")
    String rules(Model model) {
        addChoices(model);
        model.addAttribute("rules", routing.rules());
        model.addAttribute("rulesAssigningNobody", routing.rulesAssigningNobody());
        model.addAttribute("absentIds", routing.absentIds());
        model.addAttribute("hours", hours);
        model.addAttribute("previewMoment", LocalDateTime.now(hours.zone()).withSecond(0).withNano(0));
        return "routing/rules";
    }

    @GetMapping("/routing/new")
    String newRule(Model model) {
        return showForm(new RuleForm(), null, model);
    }

    @PostMapping("/routing")
    String add(@ModelAttribute("rule") RuleForm form, BindingResult errors, Model model) {
        if (rejectProblems(form, errors)) {
            return showForm(form, null, model);
        }
        routing.add(form.toDefinition());
        return "redirect:/routing";
    }

    @GetMapping("/routing/{id}")
    String edit(@PathVariable long id, Model model) {
        return showForm(RuleForm.of(routing.rule(id)), id, model);
    }

    @PostMapping("/routing/{id}")
    String change(@PathVariable long id, @ModelAttribute("rule") RuleForm form, BindingResult errors, Model model) {
        routing.rule(id);
        if (rejectProblems(form, errors)) {
            return showForm(form, id, model);
        }
        routing.change(id, form.toDefinition());
        return "redirect:/routing";
    }

    @PostMapping("/routing/{id}/delete")
    String remove(@PathVariable long id) {
        routing.remove(id);
        return "redirect:/routing";
    }

    @PostMapping("/routing/{id}/move")
    String move(@PathVariable long id, @RequestParam String direction) {
        routing.move(id, "up".equals(direction));
        return "redirect:/routing";
    }

    @PostMapping("/routing/{id}/enabled")
    String switchOn(@PathVariable long id, @RequestParam boolean on) {
        routing.switchOn(id, on);
        return "redirect:/routing";
    }

    @PostMapping("/routing/absences")
    String markAbsent(@RequestParam long personId, @RequestParam boolean absent) {
        routing.markAbsent(personId, absent);
        return "redirect:/routing";
    }

    /** Which rule would fire for a client, a category and a moment in the provider's time zone. */
    @GetMapping("/routing/preview")
    String preview(@RequestParam(required = false) Long clientId, @RequestParam(required = false) Long categoryId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime moment,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Long fallback = categoryId == null ? null
                : categories.activeDefaultResponsibleId(categoryId).orElse(null);
        var submission = new Submission(clientId, categoryId, ZonedDateTime.of(moment, hours.zone()).toInstant(),
                fallback);
        model.addAttribute("decision", routing.preview(submission));
        if (htmx != null) {
            model.addAttribute("staffById", staffById());
            return "routing/rules :: preview-result";
        }
        rules(model);
        model.addAttribute("previewMoment", moment);
        model.addAttribute("previewClientId", clientId);
        model.addAttribute("previewCategoryId", categoryId);
        return "routing/rules";
    }

    private boolean rejectProblems(RuleForm form, BindingResult errors) {
        routing.problemsWith(form.toDefinition()).forEach((field, key) ->
                errors.rejectValue(fieldOf(field), key));
        return errors.hasErrors();
    }

    private static String fieldOf(RoutingService.RuleField field) {
        return switch (field) {
            case NAME -> "name";
            case WINDOW -> "windowStart";
            case EMPLOYEES -> "employeeIds";
            case OBSERVER -> "observerId";
        };
    }

    private String showForm(RuleForm form, Long id, Model model) {
        addChoices(model);
        model.addAttribute("rule", form);
        model.addAttribute("ruleId", id);
        model.addAttribute("timeConditions", TimeCondition.values());
        model.addAttribute("actions", RoutingAction.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("days", DayOfWeek.values());
        return "routing/form";
    }

    private void addChoices(Model model) {
        model.addAttribute("clients", clients.all());
        model.addAttribute("clientsById", clients.all().stream()
                .collect(Collectors.toMap(Client::getId, Function.identity())));
        model.addAttribute("categories", categories.offered());
        model.addAttribute("categoriesById", categories.offered().stream()
                .collect(Collectors.toMap(Category::getId, Function.identity())));
        model.addAttribute("staff", people.activeStaff());
        model.addAttribute("staffById", staffById());
    }

    private Map<Long, Person> staffById() {
        return people.activeStaff().stream().collect(Collectors.toMap(Person::getId, Function.identity()));
    }
}
