package com.novapos.hub.connectors.coinbase;

/** The secrets webhook deliveries are verified with; blank = every delivery is refused. Never in toString. */
record CoinbaseWebhookSecrets(String business, String commerce) {
    @Override
    public String toString() {
        return "CoinbaseWebhookSecrets[business=" + (business == null || business.isBlank() ? "unset" : "set")
                + ", commerce=" + (commerce == null || commerce.isBlank() ? "unset" : "set") + "]";
    }
}
