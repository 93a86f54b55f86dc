package org.signpost.platform.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ValveBase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * Requests that Tomcat refuses before they reach the application (an encoded NUL, slash or
 * backslash or a malformed %-escape in the path, a malformed header or request line, a CONNECT)
 * get the service's problem+json with the security headers ({@link RefusedRequests}), instead of
 * Tomcat's HTML error page without them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(Tomcat.class)
class TomcatRefusals {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> refusalsAnsweredAsProblems(
            ObjectProvider<RefusedRequests> refusals) {
        return factory -> factory.addEngineValves(new Answering(refusals));
    }

    /** First in Tomcat's pipeline: a request already in error and mapped to no application is answered here. */
    static final class Answering extends ValveBase {

        private final ObjectProvider<RefusedRequests> refusals;

        Answering(ObjectProvider<RefusedRequests> refusals) {
            super(true);
            this.refusals = refusals;
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            if (request.getContext() != null || !response.isError()) {
                getNext().invoke(request, response);
                return;
            }
            HttpStatus status = HttpStatus.resolve(response.getStatus());
            // Tomcat says "Invalid URI" when it is the path; a bad header or request line gets no message.
            String message = response.getMessage();
            String part = message != null && message.contains("URI") ? "path" : "request";
            // Tomcat's sendError suspended the response; it is answered here instead of by its error page.
            response.setSuspended(false);
            refusals.getObject().refuse(request.getRequest(), response.getResponse(),
                    status != null && status.is4xxClientError() ? status : HttpStatus.BAD_REQUEST, part);
        }
    }
}
