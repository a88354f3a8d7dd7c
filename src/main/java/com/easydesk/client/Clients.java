package com.easydesk.client;

import org.springframework.data.jpa.repository.JpaRepository;

interface Clients extends JpaRepository<Client, Long> {
}
