package com.easydesk.security;

import java.time.Clock;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.easydesk.person.PersonService;

/**
 * Who may reach which URL prefix, in one place. Rules about single objects (this task, this file)
 * live in the services, which answer 404 for anything the viewer may not see.
 *
 * <p>Staff pages by prefix: {@code /clients/**} (companies and their contacts) and {@code /categories/**}
 * for managers and the director, {@code /staff/**} for the director only. {@code /company/**} holds a
 * client supervisor's management of their own company's contacts. {@code /password-reset} and
 * {@code /password/{token}} are open to everyone: they are how people without a password get one.
 *
 * <p>Every answer carries the headers of docs/security.md ("Headers and cookies"); sign-in goes through the
 * throttle ("Sign-in throttling"); every state change needs the CSRF token (Spring Security's default, for
 * every method but GET, HEAD, TRACE and OPTIONS).
 *
 * <p>A session ends after the session timeout without a request of its person's own; the header's bell, which
 * an open page asks for by itself, does not count ({@link IdleSessionFilter}).
 */
@Configuration
class SecurityConfig implements WebMvcConfigurer {

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /** Requests an open page makes by itself, which say nothing about whether its person is still there. */
    private static final RequestMatcher BACKGROUND = PathPatternRequestMatcher.withDefaults()
            .matcher(HttpMethod.GET, "/notifications/badge");

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, PersonService people, LocaleResolver localeResolver,
            SignInService signIn, PasswordEncoder passwordEncoder, AccessThrottle throttle, Clock clock)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/login", "/error", "/css/**", "/js/**", "/webjars/**", "/favicon.*")
                .permitAll()
                .requestMatchers("/password-reset", "/password/*").permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/queue/**").hasRole("STAFF")
                .requestMatchers("/routing/**").hasAnyRole("MANAGER", "DIRECTOR")
                .requestMatchers("/staff/**").hasRole("DIRECTOR")
                .requestMatchers("/clients/**", "/categories/**").hasAnyRole("MANAGER", "DIRECTOR")
                .requestMatchers("/company/**").hasRole("SUPERVISOR")
                .requestMatchers("/search/index", "/search/index/**").hasRole("DIRECTOR")
                .requestMatchers(HttpMethod.POST, "/tasks/*/status").hasRole("STAFF")
                .requestMatchers(HttpMethod.POST, "/tasks/*/responsible").hasAnyRole("MANAGER", "DIRECTOR")
                .requestMatchers(HttpMethod.POST, "/tasks/*/properties").hasRole("STAFF")
                .requestMatchers(HttpMethod.POST, "/tasks/*/accept").hasRole("CLIENT")
                .requestMatchers("/settings/statuses", "/settings/statuses/**").hasAnyRole("MANAGER", "DIRECTOR")
                .requestMatchers(HttpMethod.POST, "/tasks/*/checklist/**").hasRole("STAFF")
                .requestMatchers("/settings/checklists", "/settings/checklists/**").hasAnyRole("MANAGER", "DIRECTOR")
                .requestMatchers("/settings/sign-in-locks", "/settings/sign-in-locks/**").hasRole("DIRECTOR")
                .anyRequest().authenticated());
        http.authenticationManager(signInManager(signIn, passwordEncoder, throttle));
        http.addFilterBefore(new IdleSessionFilter(BACKGROUND, clock), AuthorizationFilter.class);
        http.addFilterBefore(new FreshViewerFilter(people), AuthorizationFilter.class);
        RequestCache pagesAskedFor = pagesAskedFor();
        http.requestCache(cache -> cache.requestCache(pagesAskedFor));
        http.formLogin(form -> form.loginPage("/login")
                .successHandler(new LanguageOnSignIn(people, localeResolver, pagesAskedFor))
                .failureHandler(new SignInFailure(clock)).permitAll());
        http.logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        http.exceptionHandling(handling -> handling.authenticationEntryPoint(new HtmxAwareEntryPoint(BACKGROUND)));
        http.headers(headers -> headers
                .contentTypeOptions(Customizer.withDefaults())
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    /**
     * The page a signed-out person asked for, to go on to after signing in: only a page a browser navigates to
     * (it asks for HTML), never a request htmx sends by itself (the bell's poll would send a person to a
     * fragment) nor an image or icon the sign-in page loads.
     */
    private static RequestCache pagesAskedFor() {
        var cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(request -> HttpMethod.GET.matches(request.getMethod())
                && request.getHeader("HX-Request") == null
                && String.valueOf(request.getHeader("Accept")).contains("text/html"));
        return cache;
    }

    /**
     * The only way to sign in, with no parent to fall back on: a refused or failed attempt ends here. The
     * password is compared even for a deactivated account, so that it answers as slowly as any other.
     */
    private static AuthenticationManager signInManager(SignInService signIn, PasswordEncoder passwordEncoder,
            AccessThrottle throttle) {
        var passwords = new DaoAuthenticationProvider(signIn);
        passwords.setPasswordEncoder(passwordEncoder);
        passwords.setAlwaysPerformAdditionalChecksOnUser(true);
        return new ProviderManager(new ThrottledSignIn(passwords, throttle));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ViewerArgumentResolver());
    }
}
