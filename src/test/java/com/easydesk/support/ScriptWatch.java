package com.easydesk.support;

import java.util.List;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Watches a {@link Browser} for script that hostile input smuggled into a page. The page's Content-Security-
 * Policy is switched off for this browser, so that escaping alone has to hold (the policy is the second lock,
 * not the only one), and dialogs are counted instead of shown. After each page {@link #check} asks the page
 * what got through: the payloads' marker ({@code window.__xss}), dialogs, and markup no page of ours has:
 * event-handler attributes, script URLs, foreign script, frame or plugin elements, elements marked
 * {@code data-xss}, links in people's text without {@code rel="noopener noreferrer nofollow"}, and the text
 * a template expression prints when a server evaluates it.
 */
public final class ScriptWatch {

    private static final String COUNT_DIALOGS = """
            (function () {
                ['alert', 'confirm', 'prompt', 'print'].forEach(function (name) {
                    window[name] = function () {
                        try { top.__xssDialogs = (top.__xssDialogs || 0) + 1; } catch (crossOrigin) { }
                    };
                });
            })();
            """;

    private static final String FIND_INJECTIONS = """
            var found = [];
            var scriptUrl = /^[\\s\\u0000-\\u001f]*(javascript|vbscript|data|livescript):/i;
            var urlAttributes = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'poster', 'background',
                'codebase', 'cite', 'srcset'];
            function describe(element) {
                var holder = element.closest('[id]');
                return '<' + element.tagName.toLowerCase() + '> in #' + (holder ? holder.id : 'document');
            }
            if (window.__xss !== undefined) {
                found.push('window.__xss was set: a payload ran');
            }
            if (window.__xssDialogs) {
                found.push(window.__xssDialogs + ' dialog(s) opened');
            }
            document.querySelectorAll('*').forEach(function (element) {
                var tag = element.tagName.toLowerCase();
                if (element.hasAttribute('data-xss')) {
                    found.push('injected element ' + describe(element));
                }
                Array.prototype.forEach.call(element.attributes, function (attribute) {
                    var name = attribute.name.toLowerCase();
                    if (/^on/.test(name) || /^(data-)?hx-on/.test(name) || name === 'srcdoc') {
                        found.push('attribute ' + name + ' on ' + describe(element));
                    }
                    if (urlAttributes.indexOf(name) >= 0 && scriptUrl.test(attribute.value)
                            && !(tag === 'img' && /^data:image\\//i.test(attribute.value))) {
                        found.push(name + '="' + attribute.value + '" on ' + describe(element));
                    }
                });
                var src = element.getAttribute('src') || '';
                if (tag === 'script' && !/^\\/(webjars|js)\\//.test(src)) {
                    found.push('foreign script ' + describe(element) + ' ' + src + element.textContent);
                }
                // The header's bell draws its own icon: the one svg of the layout, in the layout's bell.
                var bellIcon = tag === 'svg' && element.classList.contains('bell-icon')
                        && element.closest('#nav-notifications') === document.getElementById('nav-notifications');
                // The staff list keeps its responsible choices in one template of its own.
                var ownTemplate = tag === 'template' && element.id === 'staff-options'
                        && element === document.getElementById('staff-options')
                        && !element.hasAttribute('data-xss');
                if ((['object', 'embed', 'frame', 'frameset', 'base', 'applet', 'math', 'svg', 'style', 'template']
                        .indexOf(tag) >= 0 && !bellIcon && !ownTemplate)
                        || (tag === 'iframe' && element.id !== 'file-pdf')
                        || (tag === 'meta' && element.hasAttribute('http-equiv'))) {
                    found.push('element ' + describe(element));
                }
            });
            document.querySelectorAll('.rich-text a').forEach(function (link) {
                var rel = (link.getAttribute('rel') || '').split(/\\s+/);
                if (!/^(https?|mailto):/i.test(link.getAttribute('href') || '')
                        || ['noopener', 'noreferrer', 'nofollow'].some(function (r) { return rel.indexOf(r) < 0; })) {
                    found.push('unsafe link ' + link.outerHTML);
                }
            });
            if (document.documentElement.outerHTML.indexOf(arguments[0]) >= 0) {
                found.push('a template expression was evaluated');
            }
            return found;
            """;

    private final Browser browser;
    private int pagesChecked;

    public ScriptWatch(Browser browser) {
        this.browser = browser;
        ChromeDriver driver = browser.driver();
        driver.executeCdpCommand("Page.enable", Map.of());
        driver.executeCdpCommand("Page.setBypassCSP", Map.of("enabled", true));
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", COUNT_DIALOGS));
    }

    /** Opens a page of the application and checks it. */
    public void open(String path) {
        browser.open(path);
        check(path);
    }

    /** Checks the page as it is now, after letting its late events (failed images, focus) fire. */
    public void check(String where) {
        browser.driver().executeAsyncScript("var done = arguments[0];"
                + "requestAnimationFrame(function () { setTimeout(done, 30); });");
        assertThat(injections()).as("script or markup from people's input on " + where).isEmpty();
        pagesChecked++;
    }

    /** What the page holds that people's input put there; empty on a safe page. */
    @SuppressWarnings("unchecked")
    public List<String> injections() {
        return (List<String>) browser.driver().executeScript(FIND_INJECTIONS, HostilePayloads.EVALUATED);
    }

    public int pagesChecked() {
        return pagesChecked;
    }
}
