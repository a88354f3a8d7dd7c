package com.easydesk.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Links keep the plain paths the templates write ({@code /webjars/bootstrap/css/bootstrap.min.css}, without a
 * version); the resource chain finds the versioned file when the browser asks for it.
 */
@Configuration
class StaticResources {

    /**
     * Switches off the filter Spring Boot would otherwise register because a webjars locator is present. It passes
     * every link of a page through the resource chain, which looks each one up as a classpath resource: in the
     * packaged jar that was two thirds of the queue page's CPU (docs/queue.md), for links that are never files.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        var registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
