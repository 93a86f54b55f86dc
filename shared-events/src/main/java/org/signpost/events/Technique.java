package org.signpost.events;

/** Behaviour-change techniques a link worker used in a session. */
public enum Technique {
    MOTIVATIONAL_INTERVIEWING, COM_B, OTHER
}
