package com.easydesk.support;

import java.util.List;

/**
 * Text an attacker would type into any field, to run script in the pages and mail of others (DESIGN.md §5:
 * stored XSS impossible through any field or file name). A payload that works sets {@code window.__xss}
 * (in the top window) or opens a dialog; one that merely injects markup leaves an element marked
 * {@code data-xss}, an event attribute or a script URL behind. The template payloads would print
 * {@value #EVALUATED} if a server evaluated them. Each is at most 100 characters, the shortest field that
 * takes them (a status name).
 */
public final class HostilePayloads {

    /** What the template-expression payloads print when evaluated; never on a page or in a mail. */
    public static final String EVALUATED = "xssevaluated";

    /** One payload and the class of attack it belongs to. */
    public record Payload(String kind, String text) {

        /** The payload made safe for a file name on disk: no directory separator. */
        public boolean fitsAFileName() {
            return text.indexOf('/') < 0 && text.indexOf('\n') < 0 && text.indexOf('\\') < 0;
        }
    }

    private static final List<Payload> ALL = List.of(
            p("script tag", "<script>top.__xss=1</script>"),
            p("script tag", "<ScRiPt>alert(1)</sCrIpT>"),
            p("script tag", "<script src=data:,top.__xss=1></script>"),
            p("script tag", "</script><script>top.__xss=1</script>"),
            p("event attribute", "<img src=x onerror=top.__xss=1 data-xss>"),
            p("event attribute", "<img src=x oNeRrOr=\"alert(1)\" data-xss>"),
            p("event attribute", "<body onload=top.__xss=1 data-xss>"),
            p("event attribute", "<input autofocus onfocus=top.__xss=1 data-xss>"),
            p("event attribute", "<details open ontoggle=top.__xss=1 data-xss>"),
            p("event attribute", "<video><source onerror=top.__xss=1 data-xss></video>"),
            p("attribute breakout", "\" onmouseover=\"top.__xss=1\" autofocus onfocus=\"top.__xss=1\" x=\""),
            p("attribute breakout", "' autofocus onfocus='top.__xss=1' x='"),
            p("attribute breakout", "\"><img src=x onerror=top.__xss=1 data-xss>"),
            p("attribute breakout", "`><img src=x onerror=top.__xss=1 data-xss>"),
            p("script url", "<a href=\"javascript:top.__xss=1\" data-xss>нажми</a>"),
            p("script url", "<a href=\"&#106;avascript:alert(1)\" data-xss>нажми</a>"),
            p("script url", "<iframe src=\"javascript:top.__xss=1\" data-xss></iframe>"),
            p("script url", "<form action=javascript:top.__xss=1 data-xss><button>ok</button></form>"),
            p("data url", "<object data=\"data:text/html,<script>top.__xss=1</script>\" data-xss>"),
            p("data url", "<embed src=\"data:image/svg+xml,<svg onload=top.__xss=1>\" data-xss>"),
            p("data url", "<meta http-equiv=refresh content=\"0;url=data:text/html,<script>alert(1)</script>\">"),
            p("svg", "<svg onload=top.__xss=1 data-xss>"),
            p("svg", "<svg><script>top.__xss=1</script></svg>"),
            p("svg", "<svg><animate onbegin=top.__xss=1 attributeName=x dur=1s data-xss>"),
            p("svg", "<svg><a xlink:href=\"javascript:top.__xss=1\" data-xss><text y=20>x</text></a></svg>"),
            p("mutation", "<math><mtext><table><mglyph><style><img src=x onerror=top.__xss=1 data-xss>"),
            p("mutation", "<noscript><p title=\"</noscript><img src=x onerror=top.__xss=1 data-xss>\">"),
            p("broken markup", "<<script>script>top.__xss=1<</script>/script>"),
            p("broken markup", "<scr<script>ipt>top.__xss=1</scr</script>ipt>"),
            p("broken markup", "<img src=\"x\" onerror=\"top.__xss=1\" data-xss"),
            p("broken markup", "</title></textarea></style><img src=x onerror=top.__xss=1 data-xss>"),
            p("broken markup", "<!--<img src=x onerror=top.__xss=1 data-xss>--><b data-xss>жирный</b>"),
            p("encoded", "&lt;img src=x onerror=top.__xss=1&gt; &#60;b data-xss&#62;"),
            p("encoded", "%3Cscript%3Etop.__xss%3D1%3C%2Fscript%3E"),
            p("encoded", "\\u003cimg src=x onerror=top.__xss=1\\u003e \\x3cscript\\x3e"),
            p("encoded", "＜script＞top.__xss=1＜/script＞ +ADw-script+AD4-alert(1)+ADw-/script+AD4-"),
            p("iframe srcdoc", "<iframe srcdoc=\"<script>top.__xss=1</script>\" data-xss></iframe>"),
            p("htmx attribute", "<div hx-get=\"/profile\" hx-trigger=\"load\" hx-on::load=\"top.__xss=1\" data-xss>"),
            p("style", "<style>@import 'data:,*{x:y}'</style><b style=\"x:expression(alert(1))\" data-xss>"),
            p("template expression", "[[${'xss'+'evaluated'}]]"),
            p("template expression", "[(${'xss'+'evaluated'})]"),
            p("template expression", "__${'xss'+'evaluated'}__"),
            p("template expression", "${'xss'+'evaluated'} *{'xss'+'evaluated'} #{'xss'+'evaluated'}"),
            p("template expression", "__${T(java.lang.Runtime).getRuntime().exec('touch xss')}__::x"),
            p("template expression", "{{constructor.constructor('top.__xss=1')()}} <%= 'xss'+'evaluated' %>"),
            p("template expression", "{0} {1} '{2}' ~{layout :: page} @{//evil.test}"),
            p("markdown link", "[нажми](javascript:top.__xss=1)"),
            p("markdown link", "[нажми](JaVaScRiPt&#58;top.__xss=1)"),
            p("markdown link", "[нажми](&#106;avascript:alert(1))"),
            p("markdown link", "[нажми](<javascript:top.__xss=1>) <javascript:top.__xss=1>"),
            p("markdown link", "[нажми](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"),
            p("markdown link", "[нажми][r]\n\n[r]: javascript:top.__xss=1"),
            p("markdown link", "![x](https://example.com/x.png\"onerror=\"top.__xss=1)"),
            p("markdown link", "[x](https://example.com \"\\\" onmouseover=\\\"top.__xss=1\")"),
            p("markdown link", "[<img src=x onerror=top.__xss=1 data-xss>](https://example.com)"),
            p("markdown code", "`<script>top.__xss=1</script>` ```<img src=x onerror=top.__xss=1>```"));

    private HostilePayloads() {
    }

    public static List<Payload> all() {
        return ALL;
    }

    public static List<String> texts() {
        return ALL.stream().map(Payload::text).toList();
    }

    /** Every payload, each in a paragraph of its own, for one long text field. */
    public static String joined() {
        return String.join("\n\n", texts());
    }

    private static Payload p(String kind, String text) {
        return new Payload(kind, text);
    }
}
