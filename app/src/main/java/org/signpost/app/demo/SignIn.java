package org.signpost.app.demo;

/** A user of the users file and their password, as the demo signs in with HTTP Basic. */
public record SignIn(String username, String password) {

    @Override
    public String toString() {
        return "SignIn[" + username + "]";
    }
}
