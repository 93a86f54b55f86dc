package org.signpost.query.referrals;

import java.util.List;
import org.signpost.projection.ReadModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** The referrals read model: the triage queue and each referral's state. */
@Configuration(proxyBeanMethods = false)
public class ReferralsReadModel {

    /** The projection's name, and its processor's. */
    public static final String NAME = "referrals";

    @Bean
    @Order(1)
    ReadModel referralsModel() {
        return new ReadModel(NAME, List.of("referral_view"));
    }
}
