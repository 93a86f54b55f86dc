package org.signpost.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.signpost.platform.security.CurrentUsers;
import org.signpost.platform.security.FirstUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

/**
 * The last line of a start says where the service answers and how to sign in, so that nobody
 * has to read the start-up log to find out; a first user's password is shown just before it.
 * A run listener, ordered last, rather than an application listener: it then speaks after every
 * listener of the ready event (springdoc's among them), whose order among equals is not ours.
 */
public final class ReadyLine implements SpringApplicationRunListener, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ReadyLine.class);

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void ready(ConfigurableApplicationContext context, Duration timeTaken) {
        if (!(context instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        String signIn = "";
        FirstUser first = context.getBeanProvider(FirstUser.class).getIfAvailable();
        if (first != null) {
            first.show(System.out);
            signIn = " (sign in as " + FirstUser.NAME + " with the password printed above)";
        } else {
            CurrentUsers users = context.getBeanProvider(CurrentUsers.class).getIfAvailable();
            if (users != null) {
                signIn = " (" + users.get().size() + " users in " + users.source() + ")";
            }
        }
        // The port the server took, as it announced it: a server already stopping (a SIGTERM during
        // the start) would say its configured port instead.
        int port = context.getEnvironment().getProperty("local.server.port", Integer.class, web.getWebServer().getPort());
        log.info("Signpost is ready at {}{}", url(context.getEnvironment().getProperty("server.address"), port), signIn);
    }

    /** The address to type: on every interface, this machine's loopback will do. */
    static String url(String address, int port) {
        String host = address == null || address.isBlank() ? "0.0.0.0" : address;
        try {
            if (InetAddress.getByName(host).isAnyLocalAddress()) {
                return "http://localhost:" + port + " (listening on every interface)";
            }
        } catch (UnknownHostException e) {
            // A name that does not resolve here: said as it was set.
        }
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
