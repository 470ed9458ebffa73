package com.novapos.core.sales;

/**
 * What recording a sale or return did: {@code RECORDED} now, or {@code DUPLICATE} when that sale
 * or return id had been recorded before (nothing was written). {@code id} is the sale or return id.
 */
public record RecordResult(String id, Status status) {

    public enum Status {
        RECORDED, DUPLICATE
    }

    static RecordResult recorded(String id) {
        return new RecordResult(id, Status.RECORDED);
    }

    static RecordResult duplicate(String id) {
        return new RecordResult(id, Status.DUPLICATE);
    }

    public boolean duplicate() {
        return status == Status.DUPLICATE;
    }
}
