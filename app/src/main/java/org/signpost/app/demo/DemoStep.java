package org.signpost.app.demo;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One command of the demo's history, as a member of staff would send it: which command, for
 * which referral (and its participant), on which business date, by whom, with which body.
 *
 * @param on        the business date of the command (an extension and an erasure carry none in
 *                  their body: it orders them among the others)
 * @param actor     the user name of the users file that sends it
 * @param signpostId for an uptake, the signpost it is recorded for; otherwise null
 */
public record DemoStep(Kind kind, UUID referralId, LocalDate on, String actor, Map<String, Object> body, UUID signpostId) {

    /** The commands of the API the demo uses, with their paths. */
    public enum Kind {
        RECEIVE("/api/referrals"),
        TRIAGE("/api/referrals/{referral}/triage"),
        ASSIGN("/api/referrals/{referral}/assignment"),
        WITHDRAW("/api/referrals/{referral}/withdrawal"),
        SESSION("/api/participants/{participant}/sessions"),
        MISSED_SESSION("/api/participants/{participant}/missed-sessions"),
        CONTACT("/api/participants/{participant}/contacts"),
        MEASURE("/api/participants/{participant}/measures"),
        SIGNPOST("/api/participants/{participant}/signposts"),
        UPTAKE("/api/participants/{participant}/signposts/{signpost}/uptake"),
        CHANGE_LINK_WORKER("/api/participants/{participant}/link-worker"),
        EXTENSION("/api/participants/{participant}/extension"),
        SAFEGUARDING_CONCERN("/api/participants/{participant}/safeguarding-concerns"),
        DISCHARGE("/api/participants/{participant}/discharge"),
        ERASURE("/api/participants/{participant}/erasure");

        private final String path;

        Kind(String path) {
            this.path = path;
        }

        /** Whether the command is sent to the participant rather than the referral. */
        public boolean onParticipant() {
            return path.startsWith("/api/participants/");
        }

        String path(UUID referralId, UUID participantId, UUID signpostId) {
            return path.replace("{referral}", String.valueOf(referralId))
                    .replace("{participant}", String.valueOf(participantId))
                    .replace("{signpost}", String.valueOf(signpostId));
        }
    }

    public DemoStep {
        body = Collections.unmodifiableMap(new LinkedHashMap<>(body));
    }

    /** A date field of the body (e.g. "heldOn"), or null. */
    public LocalDate date(String field) {
        return body.get(field) instanceof LocalDate date ? date : null;
    }
}
