package com.novapos.edge.register;

import com.novapos.edge.EdgeProperties;
import com.novapos.model.catalog.PriceChanged;
import com.novapos.model.catalog.ProductChanged;
import com.novapos.model.stock.StockLevels;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The store's copy of the catalog, fed from the hub's store queue, read by the registers offline.
 * The price in force for a SKU is the valid store price if there is one, else the valid price-list
 * price, the most recent {@code validFrom} winning. Amounts are decimal strings, never doubles.
 */
@Component
public class CatalogCache {
    private final JdbcTemplate jdbc;
    private final EdgeProperties edge;

    CatalogCache(JdbcTemplate jdbc, EdgeProperties edge) {
        this.jdbc = jdbc;
        this.edge = edge;
    }

    /** What a register sees of a product. */
    public record Product(String sku, String name, List<String> barcodes, String taxCategory, String brand, boolean active,
                          Price price, Stock stock) {
    }

    public record Price(String amount, String currency, String priceId, Instant validFrom, Instant validTo) {
    }

    public record Stock(String onHand, String available, Instant asOf) {
    }

    @Transactional
    public void productChanged(ProductChanged p) {
        int updated = jdbc.update("update product set name = ?, tax_category = ?, brand = ?, active = ?, updated_at = ? where sku = ?",
                p.name(), p.taxCategory(), p.brand(), Boolean.TRUE.equals(p.active()), Timestamp.from(Instant.now()), p.sku());
        if (updated == 0) {
            jdbc.update("insert into product (sku, name, tax_category, brand, active, updated_at) values (?, ?, ?, ?, ?, ?)",
                    p.sku(), p.name(), p.taxCategory(), p.brand(), Boolean.TRUE.equals(p.active()), Timestamp.from(Instant.now()));
        }
        jdbc.update("delete from product_barcode where sku = ?", p.sku());
        if (p.barcodes() != null) {
            for (String barcode : p.barcodes()) {
                jdbc.update("merge into product_barcode (barcode, sku) key (barcode) values (?, ?)", barcode, p.sku());
            }
        }
    }

    public void priceChanged(PriceChanged p) {
        if (p.storeId() != null && !p.storeId().equals(edge.storeId())) {
            return; // another store's price
        }
        jdbc.update("merge into price (price_id, sku, price_list_id, store_id, currency, amount, valid_from, valid_to)"
                        + " key (price_id) values (?, ?, ?, ?, ?, ?, ?, ?)",
                p.priceId(), p.sku(), p.priceListId(), p.storeId(), p.currency(), p.price(), Timestamp.from(p.validFrom()),
                p.validTo() == null ? null : Timestamp.from(p.validTo()));
    }

    /** The levels a change at the hub left behind (a sale's lines, a receipt): each replaces what was known. */
    public void stockLevels(StockLevels levels) {
        jdbc.batchUpdate("merge into stock_level (sku, location_id, on_hand, available, as_of) key (sku, location_id)"
                        + " values (?, ?, ?, ?, ?)",
                levels.levels().stream().map(s -> new Object[] {s.sku(), s.locationId(), s.onHand(), s.available(),
                        s.asOf() == null ? null : Timestamp.from(s.asOf())}).toList());
    }

    /** By barcode first, then by SKU. */
    public Optional<Product> find(String barcodeOrSku) {
        List<String> skus = jdbc.queryForList("select sku from product_barcode where barcode = ?", String.class, barcodeOrSku);
        String sku = skus.isEmpty() ? barcodeOrSku : skus.get(0);
        return jdbc.query("select sku, name, tax_category, brand, active from product where sku = ?",
                (rs, i) -> new Product(rs.getString(1), rs.getString(2),
                        jdbc.queryForList("select barcode from product_barcode where sku = ? order by barcode", String.class, sku),
                        rs.getString(3), rs.getString(4), rs.getBoolean(5), priceInForce(sku, Instant.now()), stock(sku)),
                sku).stream().findFirst();
    }

    Price priceInForce(String sku, Instant now) {
        Timestamp at = Timestamp.from(now);
        return jdbc.query("select amount, currency, price_id, valid_from, valid_to, store_id from price"
                        + " where sku = ? and valid_from <= ? and (valid_to is null or valid_to > ?)"
                        + " order by case when store_id is null then 1 else 0 end, valid_from desc limit 1",
                (rs, i) -> new Price(plain(rs.getBigDecimal(1)), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()),
                sku, at, at).stream().findFirst().orElse(null);
    }

    private Stock stock(String sku) {
        return jdbc.query("select sum(on_hand), sum(available), max(as_of) from stock_level where sku = ? having count(*) > 0",
                (rs, i) -> new Stock(plain(rs.getBigDecimal(1)), plain(rs.getBigDecimal(2)),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()), sku).stream().findFirst().orElse(null);
    }

    private static String plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 2 ? value.setScale(Math.min(2, value.scale())) : stripped).toPlainString();
    }
}
