package com.easydesk.generator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/** Runs the generator once when {@code easydesk.generate.enabled} is set (the "generate" profile), then exits. */
@Component
@ConditionalOnProperty("easydesk.generate.enabled")
class GeneratorRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(GeneratorRunner.class);

    private final InstallationGenerator generator;
    private final GeneratorProperties size;
    private final ConfigurableApplicationContext context;

    GeneratorRunner(InstallationGenerator generator, GeneratorProperties size, ConfigurableApplicationContext context) {
        this.generator = generator;
        this.size = size;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments arguments) throws Exception {
        long started = System.nanoTime();
        log.info("Generator: start, {} clients, {} staff, {} tasks, about {} messages", size.clients(),
                size.employees(), size.tasks(), size.messages());
        var counts = generator.generate(size);
        log.info("Generator: done in {} s: {}; every person's password is '{}'",
                (System.nanoTime() - started) / 1_000_000_000, counts, InstallationGenerator.PASSWORD);
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
