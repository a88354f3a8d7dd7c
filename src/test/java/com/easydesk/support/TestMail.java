package com.easydesk.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/** One real SMTP server (GreenMail) for the whole test run, on a free port. */
public final class TestMail {

    private static GreenMail server;

    private TestMail() {
    }

    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop-greenmail"));
        }
        return server;
    }
}
