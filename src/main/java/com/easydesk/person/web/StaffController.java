package com.easydesk.person.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.easydesk.person.Person;
import com.easydesk.person.PersonRuleViolation;
import com.easydesk.person.PersonService;
import com.easydesk.person.Role;
import com.easydesk.person.Team;
import com.easydesk.person.Viewer;
import com.easydesk.shared.TimeZones;
import com.easydesk.task.Workload;

/**
 * The director's staff pages: the searchable list, invite, change role and details, deactivate, send the
 * invitation again. A deactivated member keeps their history and is offered nowhere as responsible.
 */
@Controller
class StaffController {

    private static final int PAGE_SIZE = 25;
    private static final List<Role> STAFF_ROLES = List.of(Role.EMPLOYEE, Role.MANAGER, Role.DIRECTOR);

    private final PersonService people;
    private final Workload workload;
    private final Clock clock;

    StaffController(PersonService people, Workload workload, Clock clock) {
        this.people = people;
        this.workload = workload;
        this.clock = clock;
    }

    @GetMapping("/staff")
    String list(Viewer viewer, @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("staff", people.findStaff(viewer, q, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        return htmx == null ? "staff/list" : "staff/list :: results";
    }

    @GetMapping("/staff/new")
    String newMember(Model model) {
        return showForm(new StaffForm(), null, model);
    }

    @PostMapping("/staff")
    String invite(Viewer viewer, @Valid @ModelAttribute("member") StaffForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        Optional<ZoneId> zone = check(form, errors);
        if (!errors.hasErrors()) {
            try {
                Person person = people.inviteStaff(viewer, form.toDetails(zone.orElseThrow()));
                redirect.addFlashAttribute("notice", "staff.invited");
                redirect.addFlashAttribute("noticeArgument", person.getEmail());
                return "redirect:/staff";
            } catch (PersonRuleViolation violation) {
                errors.rejectValue(violation.field(), violation.messageKey(), violation.arguments(), null);
            } catch (DataIntegrityViolationException sameEmailAtOnce) {
                errors.rejectValue("email", "person.email.taken");
            }
        }
        return showForm(form, null, model);
    }

    @GetMapping("/staff/{id}/edit")
    String edit(Viewer viewer, @PathVariable long id, Model model) {
        Person person = people.member(viewer, Team.STAFF, id);
        return showForm(StaffForm.of(person), person, model);
    }

    @PostMapping("/staff/{id}")
    String change(Viewer viewer, @PathVariable long id, @Valid @ModelAttribute("member") StaffForm form,
            BindingResult errors, Model model) {
        Person person = people.member(viewer, Team.STAFF, id);
        Optional<ZoneId> zone = check(form, errors);
        if (!errors.hasErrors()) {
            try {
                people.changeStaff(viewer, id, form.toDetails(zone.orElseThrow()));
                return "redirect:/staff";
            } catch (PersonRuleViolation violation) {
                errors.rejectValue(violation.field(), violation.messageKey(), violation.arguments(), null);
            } catch (DataIntegrityViolationException sameEmailAtOnce) {
                errors.rejectValue("email", "person.email.taken");
            }
        }
        return showForm(form, person, model);
    }

    @PostMapping("/staff/{id}/deactivate")
    String deactivate(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
        String page = act(redirect, "staff.deactivated", () -> people.deactivate(viewer, Team.STAFF, id));
        // Their open tasks stay theirs until someone takes them over; the director is told where to find them.
        long open = workload.openTasksOf(List.of(id)).getOrDefault(id, 0L);
        if (open > 0 && !redirect.getFlashAttributes().containsKey("problem")) {
            redirect.addFlashAttribute("leftOpen", open);
            redirect.addFlashAttribute("leftOpenLink", "/tasks?responsible=" + id);
        }
        return page;
    }

    @PostMapping("/staff/{id}/reactivate")
    String reactivate(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
        return act(redirect, "staff.reactivated", () -> people.reactivate(viewer, Team.STAFF, id));
    }

    @PostMapping("/staff/{id}/invitation")
    String resendInvitation(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
        return act(redirect, "staff.invited", () -> people.resendInvitation(viewer, Team.STAFF, id));
    }

    private static String act(RedirectAttributes redirect, String notice, Supplier<Person> action) {
        try {
            Person person = action.get();
            redirect.addFlashAttribute("notice", notice);
            redirect.addFlashAttribute("noticeArgument", person.getEmail());
        } catch (PersonRuleViolation violation) {
            redirect.addFlashAttribute("problem", violation.messageKey());
        }
        return "redirect:/staff";
    }

    private static Optional<ZoneId> check(StaffForm form, BindingResult errors) {
        if (form.getRole() != null && !form.getRole().isStaff()) {
            errors.rejectValue("role", "person.role.required");
        }
        Optional<ZoneId> zone = TimeZones.parse(form.getTimeZone());
        if (zone.isEmpty()) {
            errors.rejectValue("timeZone", "time-zone.unknown");
        }
        return zone;
    }

    private String showForm(StaffForm form, Person existing, Model model) {
        model.addAttribute("member", form);
        model.addAttribute("existing", existing);
        model.addAttribute("roles", STAFF_ROLES);
        model.addAttribute("zones", TimeZones.options(form.getTimeZone(), clock.instant()));
        return "staff/form";
    }
}
