package org.signpost.query.caseload;

import java.util.List;
import org.signpost.projection.ReadModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** The caseload read model: each participant's episode, and their names for search. */
@Configuration(proxyBeanMethods = false)
public class CaseloadReadModel {

    /** The projection's name, and its processor's. */
    public static final String NAME = "caseload";

    @Bean
    @Order(2)
    ReadModel caseloadModel() {
        return new ReadModel(NAME, List.of("participant_view", "participant_name"));
    }
}
