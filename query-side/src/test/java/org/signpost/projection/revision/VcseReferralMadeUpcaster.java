package org.signpost.projection.revision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.signpost.events.SignpostedToVcse;
import org.signpost.events.TransportSupport;

/** Revision 1 of {@link VcseReferralMade}, read as the current {@link SignpostedToVcse}. */
public class VcseReferralMadeUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(VcseReferralMade.class.getName(), "1");
    private static final SimpleSerializedType CURRENT = new SimpleSerializedType(SignpostedToVcse.class.getName(), null);

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return event.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(CURRENT, JsonNode.class, stored -> {
            ObjectNode current = ((ObjectNode) stored).deepCopy();
            current.set("participantId", current.remove("participant"));
            current.set("signpostedOn", current.remove("date"));
            current.put("fundedAccess", false);
            current.put("transportSupport", TransportSupport.NONE.name());
            return current;
        });
    }
}
