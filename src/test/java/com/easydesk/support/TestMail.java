package com.easydesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * One real SMTP server (GreenMail) for the whole test run. Its port is chosen once, so the server can be
 * stopped and started again on the same port (an outage) and keeps the mail it received before.
 */
public final class TestMail {

    private static GreenMail server;

    private TestMail() {
    }

    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(ServerSetupTest.SMTP.port(freePort()));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop-greenmail"));
        }
        return server;
    }

    /** Runs the action while the SMTP server is down; the server is back on its port afterwards, always. */
    public static void withServerDown(Runnable action) {
        GreenMail running = server();
        running.stop();
        try {
            action.run();
        } finally {
            running.start();
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
