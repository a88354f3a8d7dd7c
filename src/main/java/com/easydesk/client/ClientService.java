package com.easydesk.client;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.easydesk.shared.NotFoundException;

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

    /** Active client companies by name, for choosing one on a task. */
    public List<Client> active() {
        return clients.findActive();
    }

    @Transactional
    public Client add(Client client) {
        return clients.save(client);
    }
}
