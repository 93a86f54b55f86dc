package org.signpost.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall with its own character rules checked by a loop over the code
 * points instead of its regular expressions. The rules are the same (a name: assigned characters,
 * no control character; a header value: the same or a tab; FirewallCharactersTest holds them equal
 * for any text), but the firewall checks a header each time anything reads one, and Spring MVC
 * reads the Content-Type once for every mapping it tries: the expressions took 2.5 % of the
 * service's time under the command benchmark (docs/benchmarks.md, issue 23).
 */
@Configuration(proxyBeanMethods = false)
public class FirewallCharacters {

    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(FirewallCharacters::isName);
        firewall.setAllowedParameterNames(FirewallCharacters::isName);
        firewall.setAllowedHeaderValues(FirewallCharacters::isHeaderValue);
        return firewall;
    }

    /** Every character assigned in Unicode and none a control character. */
    static boolean isName(String text) {
        return allowed(text, false);
    }

    /** As a name, and a tab too. */
    static boolean isHeaderValue(String text) {
        return allowed(text, true);
    }

    private static boolean allowed(String text, boolean tab) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!Character.isDefined(c) || Character.getType(c) == Character.CONTROL && !(tab && c == '\t')) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }
}
