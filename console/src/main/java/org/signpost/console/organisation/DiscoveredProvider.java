package org.signpost.console.organisation;

import java.util.List;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The organisation's identity provider, as its discovery document describes it, read at the
 * first sign-in that needs it rather than at start: the console starts, and password sign-ins
 * work, while the provider is out of reach. Without a client secret the console is a public
 * client, and PKCE alone protects the code.
 */
public final class DiscoveredProvider implements ClientRegistrationRepository {

    public static final String ID = "organisation";

    private final String issuer;
    private final String clientId;
    private final String clientSecret;
    private final List<String> scopes;
    private volatile ClientRegistration registration;

    public DiscoveredProvider(String issuer, String clientId, String clientSecret, List<String> scopes) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.scopes = scopes;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration known = registration;
        if (known == null) {
            synchronized (this) {
                known = registration;
                if (known == null) {
                    boolean confidential = clientSecret != null && !clientSecret.isBlank();
                    known = ClientRegistrations.fromOidcIssuerLocation(issuer).registrationId(ID)
                            .clientId(clientId).clientSecret(confidential ? clientSecret : null)
                            .clientAuthenticationMethod(confidential ? ClientAuthenticationMethod.CLIENT_SECRET_BASIC
                                    : ClientAuthenticationMethod.NONE)
                            .scope(scopes).redirectUri("{baseUrl}/{action}/oauth2/code/{registrationId}")
                            .userNameAttributeName("sub").clientName("your organisation").build();
                    registration = known;
                }
            }
        }
        return known;
    }

    /** Whether the provider's discovery document can be read now (the sign-in page asks before it links to it). */
    public boolean reachable() {
        try {
            return findByRegistrationId(ID) != null;
        } catch (RuntimeException unreachable) {
            return false;
        }
    }
}
