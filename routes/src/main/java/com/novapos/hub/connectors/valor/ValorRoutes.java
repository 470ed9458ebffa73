package com.novapos.hub.connectors.valor;

import com.novapos.connectors.common.PartnerFailure;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.stereotype.Component;

/**
 * Card payments and card refunds between the event bus and Valor, each with its own durable
 * subscription, the shared error policy and the connector's own breaker.
 *
 * <p>A payment has a shopper waiting at the terminal, so its route answers instead of waiting:
 * when Valor stays unreachable through the few retries {@code novapos.connectors.valor.retry.max-redeliveries}
 * allows, or the breaker is open, the register gets PROVIDER_UNREACHABLE (the cashier takes another
 * tender); an error answer from Valor gives FAILED and a dead letter for support. A refund has no
 * one waiting: it follows the shared policy (retries, then a dead letter support can re-drive
 * through {@code connector.valor.redrive}).
 */
@Component
@ConditionalOnBean(ValorPayments.class)
class ValorRoutes extends RouteBuilder {
    private static final String EVENTS = "jms:topic:hub.events?subscriptionDurable=true&subscriptionShared=true"
            + "&transacted=true&cacheLevelName=CACHE_CONSUMER";

    @Override
    public void configure() {
        from(EVENTS + "&subscriptionName=valor-payments&concurrentConsumers=1"
                + "&maxConcurrentConsumers={{novapos.connectors.valor.consumers:8}}"
                + "&selector=novaposType='payment.card.requested'")
                .routeId("valor-payments")
                .routeConfigurationId("connector-error-policy")
                .onException(CallNotPermittedException.class)
                    .handled(true)
                    .bean("valorPayments", "unreachable")
                    .log(LoggingLevel.WARN, "valor: breaker open, answered ${header.novaposMessageId} PROVIDER_UNREACHABLE")
                .end()
                .onException(PartnerFailure.Transient.class)
                    .retryWhile(method("connectorRetryLimits", "retryAgain"))
                    .redeliveryDelay("{{novapos.connectors.retry.first-delay-ms}}")
                    .useExponentialBackOff()
                    .backOffMultiplier(2)
                    .maximumRedeliveryDelay("{{novapos.connectors.retry.max-delay-ms}}")
                    .retryAttemptedLogLevel(LoggingLevel.WARN)
                    .handled(true)
                    .bean("valorPayments", "unreachable")
                    .log(LoggingLevel.WARN, "valor: unreachable, answered ${header.novaposMessageId} PROVIDER_UNREACHABLE")
                .end()
                .onException(PartnerFailure.Permanent.class)
                    .handled(true)
                    .bean("valorPayments", "failed")
                    .bean("connectorDeadLetters")
                .end()
                .setHeader("novaposConnector", constant(ValorPayments.CONNECTOR))
                .bean("valorPayments", "pay")
                .log("valor: payment ${header.novaposMessageId} settled");

        from(EVENTS + "&subscriptionName=valor-refunds&selector=novaposType='return.completed'")
                .routeId("valor-refunds")
                .routeConfigurationId("connector-error-policy")
                .setHeader("novaposConnector", constant(ValorPayments.CONNECTOR))
                .bean("valorRefunds")
                .log("valor: return ${header.novaposMessageId} refunded to card: ${body}");

        // dead letters re-driven by support come back through here, to Valor only
        from("jms:queue:connector.valor.redrive?transacted=true&cacheLevelName=CACHE_CONSUMER")
                .routeId("valor-redrive")
                .routeConfigurationId("connector-error-policy")
                .setHeader("novaposConnector", constant(ValorPayments.CONNECTOR))
                .choice()
                    .when(header("novaposType").isEqualTo("return.completed"))
                        .bean("valorRefunds")
                    .otherwise()
                        .bean("valorPayments", "pay")
                .end()
                .log("valor: re-driven ${header.novaposType} ${header.novaposMessageId} done");
    }
}
