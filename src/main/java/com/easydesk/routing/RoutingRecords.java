package com.easydesk.routing;

import org.springframework.data.jpa.repository.JpaRepository;

interface RoutingRecords extends JpaRepository<RoutingRecord, Long> {
}
