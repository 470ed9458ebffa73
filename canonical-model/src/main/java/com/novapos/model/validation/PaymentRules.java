package com.novapos.model.validation;

import com.novapos.model.payment.CardPaymentRequest;
import com.novapos.model.payment.CardPaymentResult;
import com.novapos.model.payment.CryptoPaymentRequest;
import com.novapos.model.payment.CryptoPaymentResult;

import java.math.BigDecimal;

/**
 * Payment requests and results: an amount is in an ISO 4217 currency ({@code iso-4217}) with at
 * most its decimals ({@code minor-unit}) — a result may omit both, but not state an amount without
 * its currency; a card result's reference holds masked card data only ({@code masked-pan}).
 */
final class PaymentRules {
    private PaymentRules() {
    }

    static void cardRequest(CardPaymentRequest request, Rules.Scope scope) {
        amount(request.amount(), request.currency(), scope);
    }

    static void cryptoRequest(CryptoPaymentRequest request, Rules.Scope scope) {
        amount(request.amount(), request.currency(), scope);
    }

    static void cardResult(CardPaymentResult result, Rules.Scope scope) {
        amount(result.amount(), result.currency(), scope);
        TenderRules.checkReference(result.reference(), scope.at("reference"));
    }

    static void cryptoResult(CryptoPaymentResult result, Rules.Scope scope) {
        amount(result.amount(), result.currency(), scope);
    }

    private static void amount(BigDecimal amount, String currency, Rules.Scope scope) {
        if (amount == null && currency == null) {
            return;
        }
        if (scope.currency("currency", currency) && amount != null) {
            scope.amount("amount", amount, currency);
        }
    }
}
