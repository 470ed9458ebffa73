package com.novapos.bench;

import java.util.Arrays;

/**
 * Picks the benchmark: {@code pos-core} (the default: sale recording in pos-core against raw
 * PostgreSQL commits) or {@code hub-ingest} (the whole hub: ingest throughput, end-to-end latency,
 * against the raw send rate of its broker) or {@code edge} (the store's edge router: accept latency,
 * backlog on disk, drain rate). See docs/benchmarks.md.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("hub-ingest")) {
            HubIngestBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
        } else if (args.length > 0 && args[0].equals("edge")) {
            EdgeStoreAndForwardBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
        } else if (args.length > 0 && args[0].equals("pos-core")) {
            PosCoreSalesBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
        } else if (args.length == 0 || args[0].startsWith("--")) {
            PosCoreSalesBenchmark.main(args);
        } else {
            System.err.println("usage: java -jar novapos-bench.jar [pos-core|hub-ingest|edge] [--option=value ...]");
            System.exit(2);
        }
        // the figures are printed: end now. The Artemis client's shared thread pools are not daemon threads,
        // and after the hub has stopped they idle for a minute before the JVM could end by itself
        System.exit(0);
    }
}
