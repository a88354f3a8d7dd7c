package com.easydesk.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.StandardMultipartHttpServletRequest;

/**
 * Reads an upload before anything else asks for a form field, so that a file over the limit gets the 413
 * page whichever way the form came. Without this, the first to ask is the CSRF check of a form sent
 * without script: the servlet container then fails that request and every later look at its parameters,
 * the error page included, and the browser sees the container's bare error page.
 */
@Configuration
class UploadSizeCheck {

    static final String TOO_LARGE_PATH = "/uploads/too-large";

    /** After character encoding (so Cyrillic fields decode right), before Spring Security (at -100). */
    private static final int ORDER = -110;

    @Bean
    FilterRegistrationBean<ReadUploadFirst> readUploadFirst() {
        var registration = new FilterRegistrationBean<>(new ReadUploadFirst());
        registration.setOrder(ORDER);
        return registration;
    }

    static class ReadUploadFirst extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (isUpload(request)) {
                try {
                    new StandardMultipartHttpServletRequest(request);
                } catch (MaxUploadSizeExceededException tooLarge) {
                    request.getRequestDispatcher(TOO_LARGE_PATH).forward(new WithoutUpload(request), response);
                    return;
                }
            }
            chain.doFilter(request, response);
        }

        private static boolean isUpload(HttpServletRequest request) {
            String type = request.getContentType();
            return "POST".equals(request.getMethod()) && type != null
                    && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
        }
    }

    /** The refused request as a plain GET without a body, so that the page can be rendered for it. */
    static class WithoutUpload extends HttpServletRequestWrapper {

        WithoutUpload(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public int getContentLength() {
            return -1;
        }

        @Override
        public long getContentLengthLong() {
            return -1;
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }
    }

    /** The page for a refused upload, reached only by the forward above (or typed, harmlessly). */
    @Controller
    static class TooLargePage {

        @GetMapping(TOO_LARGE_PATH)
        @ResponseStatus(HttpStatus.CONTENT_TOO_LARGE)
        String tooLarge() {
            return "error/413";
        }
    }
}
