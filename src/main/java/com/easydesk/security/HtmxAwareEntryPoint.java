package com.easydesk.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * An expired session must not swap the login form into a fragment of the page: htmx requests get a
 * 401 with {@code HX-Redirect}, so the whole page goes to the login form. A request the page makes by itself
 * (the header's bell) only stops asking (htmx's 286) and changes nothing: it may meet the end of the session
 * while the person is signing out or leaving the page, and must not send them anywhere then.
 */
class HtmxAwareEntryPoint implements AuthenticationEntryPoint {

    /** htmx stops polling on this status. */
    private static final int STOP_POLLING = 286;

    private final LoginUrlAuthenticationEntryPoint pageEntryPoint = new LoginUrlAuthenticationEntryPoint("/login");
    private final RequestMatcher background;

    HtmxAwareEntryPoint(RequestMatcher background) {
        this.background = background;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException reason)
            throws IOException, jakarta.servlet.ServletException {
        if ("true".equals(request.getHeader("HX-Request"))) {
            if (background.matches(request)) {
                response.setHeader("HX-Reswap", "none");
                response.setStatus(STOP_POLLING);
                return;
            }
            response.setHeader("HX-Redirect", request.getContextPath() + "/login");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        pageEntryPoint.commence(request, response, reason);
    }
}
