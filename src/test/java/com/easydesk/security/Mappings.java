package com.easydesk.security;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import com.easydesk.person.Person;

/**
 * Every endpoint of the application as Spring MVC knows it (its request mappings), so that tests of the
 * rules every endpoint must keep cover a new endpoint without anyone listing it.
 */
final class Mappings {

    /** Numbers and ids start low and grow by one; nothing in a test run gets near this one. */
    static final String NOTHING = "999999999";

    private static final Set<RequestMethod> SAFE = EnumSet.of(RequestMethod.GET, RequestMethod.HEAD,
            RequestMethod.OPTIONS, RequestMethod.TRACE);

    private Mappings() {
    }

    /** One method on one URL pattern, and the controller method that answers it. */
    record Mapping(RequestMethod method, String pattern, HandlerMethod handler) {

        /** Writes: everything but GET, HEAD, OPTIONS and TRACE, the methods that must need a CSRF token. */
        boolean changesState() {
            return !SAFE.contains(method);
        }

        /** The pattern with every path variable naming nothing that exists. */
        String uriNamingNothing() {
            return pattern.replaceAll("\\{[^}]+}", NOTHING);
        }

        HttpMethod httpMethod() {
            return HttpMethod.valueOf(method.name());
        }

        @Override
        public String toString() {
            return method + " " + pattern + " (" + handler.getBeanType().getSimpleName() + "#"
                    + handler.getMethod().getName() + ")";
        }
    }

    /**
     * Each method and pattern once, in a stable order. A mapping without a method restriction answers every
     * method: it is listed as GET and as POST, the ways browsers reach it.
     */
    static List<Mapping> of(RequestMappingHandlerMapping handlerMapping) {
        Map<String, Mapping> mappings = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : handlerMapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (methods.isEmpty()) {
                methods = EnumSet.of(RequestMethod.GET, RequestMethod.POST);
            }
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : methods) {
                    mappings.putIfAbsent(pattern + " " + method, new Mapping(method, pattern, entry.getValue()));
                }
            }
        }
        List<Mapping> sorted = new ArrayList<>(mappings.values());
        sorted.sort(Comparator.comparing(Mapping::pattern).thenComparing(Mapping::method));
        return sorted;
    }

    /**
     * Every endpoint by name: its methods and URL pattern, as "POST /tasks/{number}/status"; a mapping that
     * answers any method is named "ANY /error". Several controller methods on one URL and method (one for
     * pages, one for JSON) are one endpoint.
     */
    static Set<String> endpoints(RequestMappingHandlerMapping handlerMapping) {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : handlerMapping.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                endpoints.add(endpoint(info, pattern));
            }
        }
        return endpoints;
    }

    /** The endpoint a request reaches, named as {@link #endpoints} names it, with the values of its path. */
    record Reached(String endpoint, Map<String, String> variables) {
    }

    /**
     * Which endpoint Spring MVC would hand this request to, whatever the security rules then say about it;
     * empty for what no controller answers (static files, actuator, the sign-in and sign-out filters).
     */
    static Optional<Reached> reachedBy(RequestMappingHandlerMapping handlerMapping, HttpServletRequest sent) {
        var request = new MockHttpServletRequest(sent.getMethod(), sent.getRequestURI());
        request.setQueryString(sent.getQueryString());
        for (String header : Collections.list(sent.getHeaderNames())) {
            request.addHeader(header, sent.getHeader(header));
        }
        ServletRequestPathUtils.parseAndCache(request);
        HandlerExecutionChain chain;
        try {
            chain = handlerMapping.getHandler(request);
        } catch (Exception noMatch) {
            return Optional.empty();
        }
        if (chain == null || !(chain.getHandler() instanceof HandlerMethod handler)) {
            return Optional.empty();
        }
        String pattern = String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return handlerMapping.getHandlerMethods().entrySet().stream()
                .filter(entry -> entry.getValue().getMethod().equals(handler.getMethod()))
                .filter(entry -> entry.getKey().getPatternValues().contains(pattern))
                .findFirst()
                .map(entry -> new Reached(endpoint(entry.getKey(), pattern), variables == null ? Map.of() : variables));
    }

    private static String endpoint(RequestMappingInfo info, String pattern) {
        Set<RequestMethod> methods = new TreeSet<>(info.getMethodsCondition().getMethods());
        String named = methods.isEmpty() ? "ANY" : String.join(",", methods.stream().map(Enum::name).toList());
        return named + " " + pattern;
    }

    /**
     * The first of these people whom the URL rules of SecurityConfig let through to this mapping, or null
     * when none is: the one a test sends, so that what it meets is the endpoint, not the role check.
     */
    static Person allowedOf(Mapping mapping, List<Person> candidates, WebInvocationPrivilegeEvaluator rules,
            UserDetailsService signIn) {
        for (Person person : candidates) {
            UserDetails user = signIn.loadUserByUsername(person.getEmail());
            var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
            if (rules.isAllowed("", mapping.uriNamingNothing(), mapping.method().name(), authentication)) {
                return person;
            }
        }
        return null;
    }
}
