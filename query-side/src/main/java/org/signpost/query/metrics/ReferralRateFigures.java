package org.signpost.query.metrics;

import java.math.BigDecimal;

/** The rate of referral to VCSE of a set of people: referredToVcse / peopleSeen. */
public record ReferralRateFigures(int peopleSeen, int referredToVcse, BigDecimal referralRate,
                                  BigDecimal referralRatePercent) {

    static ReferralRateFigures of(int peopleSeen, int referredToVcse) {
        return new ReferralRateFigures(peopleSeen, referredToVcse, Decimals.rate(referredToVcse, peopleSeen),
                Decimals.percent(referredToVcse, peopleSeen));
    }
}
