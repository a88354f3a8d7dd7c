package com.easydesk.security;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session that its person left idle for the session timeout ({@code server.servlet.session.timeout}),
 * counting only requests the person made. The servlet container counts every request, and an open page asks
 * for the header's bell every few seconds by itself: without this, a page left open on an unattended screen
 * would keep its session alive for ever. The time of the person's last own request is kept in the session;
 * background requests (the bell) neither move it nor are served once it is too old: the bell stops asking, and
 * the person's next request of their own goes to the sign-in form.
 */
class IdleSessionFilter extends OncePerRequestFilter {

    static final String LAST_ACTIVITY = IdleSessionFilter.class.getName() + ".lastActivity";

    private final RequestMatcher background;
    private final Clock clock;

    IdleSessionFilter(RequestMatcher background, Clock clock) {
        this.background = background;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && CurrentViewer.find().isPresent()) {
            long now = clock.millis();
            Object last = session.getAttribute(LAST_ACTIVITY);
            long timeoutMillis = session.getMaxInactiveInterval() * 1000L;
            if (last instanceof Long lastActivity && timeoutMillis > 0 && now - lastActivity >= timeoutMillis) {
                SecurityContextHolder.clearContext();
                session.invalidate();
            } else if (last == null || !background.matches(request)) {
                session.setAttribute(LAST_ACTIVITY, now);
            }
        }
        chain.doFilter(request, response);
    }
}
