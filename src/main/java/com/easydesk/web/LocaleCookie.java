package com.easydesk.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.web.servlet.i18n.AbstractLocaleContextResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The interface language in a cookie that scripts cannot read (HttpOnly, SameSite=Lax) and that is marked
 * Secure whenever the request came over HTTPS, directly or through the proxy, like the session cookie.
 */
class LocaleCookie extends AbstractLocaleContextResolver {

    private final CookieLocaleResolver overHttp;
    private final CookieLocaleResolver overHttps;

    LocaleCookie(String name, Locale defaultLocale) {
        this.overHttp = resolver(name, defaultLocale, false);
        this.overHttps = resolver(name, defaultLocale, true);
        setDefaultLocale(defaultLocale);
    }

    @Override
    public LocaleContext resolveLocaleContext(HttpServletRequest request) {
        return overHttp.resolveLocaleContext(request);
    }

    @Override
    public void setLocaleContext(HttpServletRequest request, HttpServletResponse response, LocaleContext locale) {
        (request.isSecure() ? overHttps : overHttp).setLocaleContext(request, response, locale);
    }

    private static CookieLocaleResolver resolver(String name, Locale defaultLocale, boolean secure) {
        var resolver = new CookieLocaleResolver(name);
        resolver.setDefaultLocale(defaultLocale);
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        resolver.setCookieSecure(secure);
        return resolver;
    }
}
