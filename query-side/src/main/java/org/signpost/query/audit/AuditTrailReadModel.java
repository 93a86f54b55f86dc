package org.signpost.query.audit;

import java.util.List;
import org.signpost.projection.ReadModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** The audit trail read model: every event as it was stored, for the auditors. */
@Configuration(proxyBeanMethods = false)
public class AuditTrailReadModel {

    /** The projection's name, and its processor's. */
    public static final String NAME = "audit-trail";

    @Bean
    @Order(3)
    ReadModel auditTrailModel() {
        return new ReadModel(NAME, List.of("audit_event"));
    }
}
