package org.signpost.query.metrics;

import java.util.List;
import org.signpost.projection.ReadModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** The evaluation metrics read model: the facts the figures commissioners ask for are counted from. */
@Configuration(proxyBeanMethods = false)
public class MetricsReadModel {

    /** The projection's name, and its processor's. */
    public static final String NAME = "evaluation-metrics";

    @Bean
    @Order(4)
    ReadModel evaluationMetricsModel() {
        return new ReadModel(NAME, List.of("metric_referral", "metric_participant", "metric_session",
                "metric_signpost", "metric_uptake", "metric_measure"));
    }
}
