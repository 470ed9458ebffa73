package com.novapos.model.validation;

import com.novapos.model.Payload;

/** The model's own rules of one payload type; violations go to the scope, at paths relative to {@code payload}. */
@FunctionalInterface
interface PayloadRules<T extends Payload> {
    void check(T payload, Rules.Scope scope);
}
