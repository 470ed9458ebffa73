package com.novapos.core;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Business policy of the POS core, under {@code novapos.core.*}.
 *
 * @param returnApprovalLimit returns above this grand total need an approver with the manager role
 * @param reservationTtl      how long an online-order reservation holds stock before it expires
 * @param customerRetention   how long a customer without activity keeps personal data
 */
@ConfigurationProperties("novapos.core")
public record PosCoreProperties(BigDecimal returnApprovalLimit, Duration reservationTtl, Duration customerRetention) {

    public PosCoreProperties {
        returnApprovalLimit = returnApprovalLimit == null ? new BigDecimal("200.00") : returnApprovalLimit;
        reservationTtl = reservationTtl == null ? Duration.ofHours(72) : reservationTtl;
        customerRetention = customerRetention == null ? Duration.ofDays(3 * 365) : customerRetention;
    }
}
