package com.novapos.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Runs a piece of work on N threads and waits for all of them; the first failure fails the run. */
final class OnThreads {
    private OnThreads() {
    }

    interface Work {
        void run(int thread) throws Exception;
    }

    static void run(int threads, Work work) throws InterruptedException {
        List<Thread> started = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            int index = t;
            Thread thread = new Thread(() -> {
                try {
                    work.run(index);
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            started.add(thread);
            thread.start();
        }
        for (Thread thread : started) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a benchmark thread failed", failures.get(0));
        }
    }
}
