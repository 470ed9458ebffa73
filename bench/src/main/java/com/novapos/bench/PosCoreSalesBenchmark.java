package com.novapos.bench;

import com.novapos.core.PosCoreConfiguration;
import com.novapos.core.sales.SalesService;
import com.novapos.core.stock.StockLedger;
import com.novapos.core.support.TenantTransactions;
import com.novapos.model.stock.MovementReason;
import com.novapos.model.stock.StockMovement;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Recording 5-line sales through pos-core into PostgreSQL, against the raw commit rate of the
 * same database (one small insert per transaction), measured in the same run.
 *
 * <p>Goal: recording a sale costs no more than two commits' worth (ratio ≥ 0.5).
 * Run: {@code java -jar bench/target/novapos-bench.jar [--seconds=10] [--lines=5]}
 * (database: {@code BENCH_POSTGRES_URL}, default {@code jdbc:postgresql://127.0.0.1:5432/test}, schema {@code novapos_bench}).
 */
@SpringBootApplication
@Import(PosCoreConfiguration.class)
public class PosCoreSalesBenchmark implements CommandLineRunner {
    private static final int SKUS = 500;
    private final SalesService sales;
    private final StockLedger stock;
    private final TenantTransactions tx;
    private final DataSource dataSource;

    PosCoreSalesBenchmark(SalesService sales, StockLedger stock, TenantTransactions tx, DataSource dataSource) {
        this.sales = sales;
        this.stock = stock;
        this.tx = tx;
        this.dataSource = dataSource;
    }

    public static void main(String[] args) {
        // its own settings file: the hub benchmark on the same classpath reads the hub's application.yml
        new org.springframework.boot.builder.SpringApplicationBuilder(PosCoreSalesBenchmark.class)
                .properties("spring.config.name=pos-core-bench").run(args).close();
    }

    @Bean
    static FlywayMigrationStrategy freshSchema() {
        return flyway -> {
            flyway.clean();
            flyway.migrate();
        };
    }

    @Override
    public void run(String... args) throws Exception {
        Duration duration = Duration.ofSeconds(Args.intArg(args, "--seconds=", 10));
        int lines = Args.intArg(args, "--lines=", 5);
        String tenant = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        SampleSales samples = new SampleSales(tenant, "S001", SKUS);
        PostgresCommitRate commits = new PostgresCommitRate(dataSource);
        commits.prepare();
        receiveStock(tenant, "S001");

        // warm up the JIT, the pool and the plan caches
        Parallel.run(2, Duration.ofSeconds(3), () -> sales.recordSale(samples.next(lines)));
        commits.measure(2, Duration.ofSeconds(2));
        // table statistics, as autovacuum keeps them in a real deployment (it is off on this machine)
        new org.springframework.jdbc.core.JdbcTemplate(dataSource).execute("analyze");

        double commits1 = commits.measure(1, duration);
        double sales1 = Parallel.run(1, duration, () -> sales.recordSale(samples.next(lines)));
        double commits4 = commits.measure(4, duration);
        double sales4 = Parallel.run(4, duration, () -> sales.recordSale(samples.next(lines)));

        System.out.printf("%nNovaPOS pos-core sale recording on PostgreSQL (%d-line sales, %ds per figure, %d cores)%n",
                lines, duration.toSeconds(), Runtime.getRuntime().availableProcessors());
        System.out.printf("  threads | sales/s | raw commits/s | ratio (goal >= 0.5)%n");
        System.out.printf("  %7d | %7.0f | %13.0f | %5.2f%n", 1, sales1, commits1, sales1 / commits1);
        System.out.printf("  %7d | %7.0f | %13.0f | %5.2f%n", 4, sales4, commits4, sales4 / commits4);
    }

    /** Goods on the shelf first: sales that oversell would add oversell events a normal day does not have. */
    private void receiveStock(String tenant, String store) {
        tx.run(tenant, () -> stock.applyAll(IntStream.range(0, SKUS).mapToObj(i -> new StockMovement(
                "receipt-" + i, "BENCH-" + i, store, new BigDecimal("1000000"), MovementReason.RECEIPT, null, null))
                .toList(), store));
    }
}
