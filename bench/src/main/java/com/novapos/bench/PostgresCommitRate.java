package com.novapos.bench;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** The ceiling: how many one-row transactions PostgreSQL commits per second on this machine. */
final class PostgresCommitRate {
    private final DataSource dataSource;

    PostgresCommitRate(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void prepare() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table if not exists bench_commit (id bigserial primary key, tenant_id varchar(64), v int)");
            s.execute("truncate bench_commit");
        }
    }

    double measure(int threads, Duration duration) throws InterruptedException {
        return Parallel.run(threads, duration, () -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement insert = c.prepareStatement("insert into bench_commit (tenant_id, v) values (?, ?)")) {
                c.setAutoCommit(true);
                insert.setString(1, "bench");
                insert.setInt(2, 1);
                insert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
