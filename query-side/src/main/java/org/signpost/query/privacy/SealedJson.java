package org.signpost.query.privacy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.signpost.events.EventSerialization;
import org.signpost.events.PersonalData;
import org.signpost.events.PersonalDataModule;
import org.signpost.events.SignpostEvent;
import org.signpost.platform.privacy.PersonalDataKeys;
import org.signpost.query.projection.ProjectionJson;
import org.springframework.stereotype.Component;

/**
 * Personal data in the read models stays sealed as it is in the events: encrypted with the
 * young person's key, opened only when an answer is given. A read model therefore never holds a
 * name, date of birth, contact detail or note in clear, an erasure needs nothing scrubbed from
 * any of them (destroying the key is enough), and a rebuild after an erasure reads the same.
 */
@Component
public class SealedJson {

    private final ObjectMapper sealing;
    private final ObjectMapper plain = ProjectionJson.mapper();
    private final PersonalDataKeys keys;

    public SealedJson(PersonalDataKeys keys) {
        this.keys = keys;
        this.sealing = EventSerialization.objectMapper(keys);
    }

    /** A sealed event opened for an answer: its personal values in clear, or null where erased. */
    public JsonNode openEvent(String sealed, String type) {
        try {
            Class<?> eventClass = Class.forName(SignpostEvent.class.getPackageName() + "." + type);
            return plain.valueToTree(sealing.readValue(sealed, eventClass));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Not an event type: " + type, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One personal value sealed with the key of the young person this subject (referral or participant) is. */
    public String seal(UUID subject, PersonalData<?> data) {
        if (data == null) {
            return null;
        }
        try {
            return sealing.writeValueAsString(new Sealed(subject, data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A personal value that cannot be written as JSON", e);
        }
    }

    /**
     * Sealed values opened, in order (null where absent or erased), the keys they need read in
     * one go first.
     */
    public <T> List<T> open(List<String> sealedValues, Class<T> type) {
        try {
            List<JsonNode> nodes = new ArrayList<>(sealedValues.size());
            List<UUID> subjects = new ArrayList<>();
            for (String value : sealedValues) {
                JsonNode node = value == null ? null : sealing.readTree(value).get("data");
                nodes.add(node);
                JsonNode subject = node == null ? null : node.get("subject");
                if (subject != null && subject.isTextual()) {
                    subjects.add(UUID.fromString(subject.asText()));
                }
            }
            keys.preload(subjects);
            List<T> opened = new ArrayList<>(nodes.size());
            for (JsonNode node : nodes) {
                opened.add(node == null ? null : opened(node, type));
            }
            return opened;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Straight from the tree read: a parser over it, to give it to the sealing mapper, took as long again. */
    private <T> T opened(JsonNode node, Class<T> type) throws IOException {
        return PersonalDataModule.open(node, keys, type).value();
    }

    /** A sealed value opened: the value, or null if it was absent or is erased. */
    public <T> T open(String sealed, Class<T> type) {
        if (sealed == null) {
            return null;
        }
        try {
            return opened(sealing.readTree(sealed).get("data"), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The envelope of one sealed value, saying whose it is, as an event does for its own. */
    private record Sealed(@JsonIgnore UUID personalDataSubject, PersonalData<?> data)
            implements PersonalDataModule.Subject {
    }
}
