package org.signpost.console.api;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * The sign-in form's check: the service itself checks the password (with its throttle of repeated
 * failures) and answers a session token; the console keeps the token, never the password. Not a
 * bean: the service's own password sign-in is the one provider Spring Security gives every other chain.
 */
public final class ApiSignIn implements AuthenticationProvider {

    private final SignpostApi api;

    public ApiSignIn(SignpostApi api) {
        this.api = api;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String name = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        if (name == null || name.isBlank() || password.isEmpty()) {
            throw new BadCredentialsException("Enter your user name and password");
        }
        ConsoleUser user;
        try {
            user = api.signIn(name.strip(), password);
        } catch (ApiProblem refused) {
            throw switch (refused.status()) {
                case 401 -> new BadCredentialsException("The user name or password is not right");
                case 429 -> new LockedException("Too many failed sign-ins. " + (refused.detail().isBlank()
                        ? "Wait a while and try again." : refused.detail()));
                default -> new AuthenticationServiceException(refused.detail().isBlank()
                        ? "Signpost could not check your sign-in: try again in a minute" : refused.detail());
            };
        }
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
