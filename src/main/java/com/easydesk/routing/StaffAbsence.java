package com.easydesk.routing;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An employee marked absent: routing rules pass them over until the mark is removed. */
@Entity
@Table(name = "staff_absence")
class StaffAbsence {

    @Id
    @Column(name = "person_id")
    private Long personId;

    private Instant since;

    protected StaffAbsence() {
    }

    StaffAbsence(long personId, Instant since) {
        this.personId = personId;
        this.since = since;
    }

    Long getPersonId() {
        return personId;
    }
}
