package com.easydesk.client;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.easydesk.shared.NotFoundException;
import com.easydesk.shared.SearchText;

/** Client companies: find, list with search, add, describe, archive. The URL rules admit managers only. */
@Service
@Transactional(readOnly = true)
public class ClientService {

    private final Clients clients;

    ClientService(Clients clients) {
        this.clients = clients;
    }

    public Client get(long id) {
        return clients.findById(id).orElseThrow(() -> new NotFoundException("Client " + id));
    }

    /** Active (or archived) companies whose name contains the query or whose ИНН starts with it. */
    public Page<Client> search(String query, boolean archived, Pageable page) {
        String typed = query == null ? "" : query.strip();
        String innPrefix = typed.matches("\\d+") ? typed + "%" : "";
        return clients.search(!archived, SearchText.containing(typed), innPrefix, page);
    }

    /** Every company, for choosing where a contact moves. */
    public List<Client> all() {
        return clients.findAll(Sort.by("name", "id"));
    }

    /** Active client companies by name, for choosing one on a task. */
    public List<Client> active() {
        return clients.findActive();
    }

    @Transactional
    public Client add(Client client) {
        return clients.save(client);
    }

    @Transactional
    public Client add(ClientDetails details) {
        var client = new Client(details.name());
        client.describe(details);
        return clients.save(client);
    }

    @Transactional
    public Client change(long id, ClientDetails details) {
        Client client = get(id);
        client.describe(details);
        return client;
    }

    @Transactional
    public Client archive(long id) {
        Client client = get(id);
        client.archive();
        return client;
    }

    @Transactional
    public Client restore(long id) {
        Client client = get(id);
        client.restore();
        return client;
    }
}
