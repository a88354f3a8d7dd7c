package com.easydesk.generator;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code easydesk.generate.*}: the size of the generated installation; the seed makes runs repeatable. */
@ConfigurationProperties("easydesk.generate")
public record GeneratorProperties(boolean enabled, int clients, int employees, int tasks, int messages, long seed) {

    public GeneratorProperties {
        clients = clients <= 0 ? 300 : clients;
        employees = employees <= 0 ? 30 : employees;
        tasks = tasks <= 0 ? 100_000 : tasks;
        messages = messages <= 0 ? 1_000_000 : messages;
        seed = seed == 0 ? 20_261_204L : seed;
    }
}
