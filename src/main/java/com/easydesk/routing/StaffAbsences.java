package com.easydesk.routing;

import org.springframework.data.jpa.repository.JpaRepository;

interface StaffAbsences extends JpaRepository<StaffAbsence, Long> {
}
