package com.easydesk.client.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;

import jakarta.validation.Valid;

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

import com.easydesk.client.Client;
import com.easydesk.client.ClientService;
import com.easydesk.client.LegalDetails;
import com.easydesk.person.PersonService;
import com.easydesk.person.Viewer;
import com.easydesk.shared.TimeZones;

/**
 * Client companies for managers and the director: the searchable list, the company page with its
 * contacts, the form, archiving. The list answers htmx with the results only, so search filters as
 * one types.
 */
@Controller
class ClientController {

    static final int PAGE_SIZE = 25;

    private final ClientService clients;
    private final PersonService people;
    private final Clock clock;

    ClientController(ClientService clients, PersonService people, Clock clock) {
        this.clients = clients;
        this.people = people;
        this.clock = clock;
    }

    @GetMapping("/clients")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("archived", archived);
        model.addAttribute("clients", clients.search(q, archived, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        return htmx == null ? "clients/list" : "clients/list :: results";
    }

    @GetMapping("/clients/new")
    String newClient(Model model) {
        return showForm(new ClientForm(), null, model);
    }

    @PostMapping("/clients")
    String add(@Valid @ModelAttribute("client") ClientForm form, BindingResult errors, Model model) {
        Optional<ZoneId> zone = check(form, errors);
        if (errors.hasErrors()) {
            return showForm(form, null, model);
        }
        Client client = clients.add(form.toDetails(zone.orElseThrow()));
        return "redirect:/clients/" + client.getId();
    }

    @GetMapping("/clients/{id}")
    String show(Viewer viewer, @PathVariable long id, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Client client = clients.get(id);
        model.addAttribute("company", client);
        model.addAttribute("q", q);
        model.addAttribute("contacts", people.findContacts(viewer, id, q, PageRequest.of(Math.max(page, 0),
                PAGE_SIZE)));
        return htmx == null ? "clients/show" : "clients/show :: contacts";
    }

    @GetMapping("/clients/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        Client client = clients.get(id);
        return showForm(ClientForm.of(client), client, model);
    }

    @PostMapping("/clients/{id}")
    String change(@PathVariable long id, @Valid @ModelAttribute("client") ClientForm form, BindingResult errors,
            Model model) {
        Client client = clients.get(id);
        Optional<ZoneId> zone = check(form, errors);
        if (errors.hasErrors()) {
            return showForm(form, client, model);
        }
        clients.change(id, form.toDetails(zone.orElseThrow()));
        return "redirect:/clients/" + id;
    }

    @PostMapping("/clients/{id}/archive")
    String archive(@PathVariable long id) {
        clients.archive(id);
        return "redirect:/clients/" + id;
    }

    @PostMapping("/clients/{id}/restore")
    String restore(@PathVariable long id) {
        clients.restore(id);
        return "redirect:/clients/" + id;
    }

    private static Optional<ZoneId> check(ClientForm form, BindingResult errors) {
        if (!LegalDetails.isValidInn(form.getInn())) {
            errors.rejectValue("inn", "client.inn.invalid");
        }
        if (!LegalDetails.isValidKpp(form.getKpp())) {
            errors.rejectValue("kpp", "client.kpp.invalid");
        }
        Optional<ZoneId> zone = TimeZones.parse(form.getTimeZone());
        if (zone.isEmpty()) {
            errors.rejectValue("timeZone", "time-zone.unknown");
        }
        return zone;
    }

    private String showForm(ClientForm form, Client existing, Model model) {
        model.addAttribute("client", form);
        model.addAttribute("existing", existing);
        model.addAttribute("zones", TimeZones.options(form.getTimeZone(), clock.instant()));
        return "clients/form";
    }
}
