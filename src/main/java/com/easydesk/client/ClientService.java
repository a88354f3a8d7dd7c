package com.easydesk.client;

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

    /** Every client company by name, for pickers such as the routing rules. */
    public java.util.List<Client> allByName() {
        return clients.findAll(org.springframework.data.domain.Sort.by("name"));
    }

    @Transactional
    public Client add(Client client) {
        return clients.save(client);
    }
}
