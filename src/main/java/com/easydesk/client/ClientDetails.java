package com.easydesk.client;

import java.time.ZoneId;

/** A client company as a manager describes it. */
public record ClientDetails(String name, String inn, String kpp, String legalAddress, ZoneId zone, String notes) {
}
