package com.novapos.edge.peripherals;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortDataListener;
import com.fazecast.jSerialComm.SerialPortEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One serial device on one jSerialComm port, opened by path. It owns a single thread: opening,
 * writing, closing and retrying all happen there, one after the other, so callers are never blocked
 * by a slow or missing device and never see an exception.
 *
 * <p>States: {@code disabled} (no port configured, or settings that cannot be used — the detail says
 * which), {@code disconnected} (not open yet, could not be opened, unplugged, or a write failed;
 * retried with exponential back-off until it opens again), {@code connected}. A device goes away
 * when jSerialComm reports {@link SerialPort#LISTENING_EVENT_PORT_DISCONNECTED} or a write does not
 * go through; each attempt to reopen looks the path up again, so a device plugged back in (a new
 * {@code /dev/ttyUSBn} behind the same {@code by-id} link) is found without a restart.
 *
 * <p>Bytes the device sends arrive on jSerialComm's event thread and are handed to the
 * {@code onData} consumer given at construction.
 */
final class SerialDevice implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SerialDevice.class);
    private static final int READ_TIMEOUT_MS = 100;

    private final String name;
    private final String path;
    private final SerialSettings settings;
    private final Reconnect reconnect;
    private final Consumer<byte[]> onData;
    private final Clock clock;
    private final ScheduledExecutorService thread;

    private volatile PeripheralState state;
    private volatile Runnable onConnected = () -> { };
    private volatile boolean closed;

    // only touched on the device thread
    private SerialPort port;
    private Duration lastDelay;
    private boolean started;

    private SerialDevice(String name, String path, SerialSettings settings, Reconnect reconnect,
                         Consumer<byte[]> onData, Clock clock, PeripheralState initial) {
        this.name = name;
        this.path = path;
        this.settings = settings;
        this.reconnect = reconnect;
        this.onData = onData == null ? bytes -> { } : onData;
        this.clock = clock;
        this.state = initial;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "peripheral-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * A device for the configured port: {@code disabled} when the port is blank or the baud/frame
     * cannot be used, else {@code disconnected} until {@link #start()} opens it.
     */
    static SerialDevice of(String name, PeripheralsProperties.Port config, Reconnect reconnect,
                           Consumer<byte[]> onData, Clock clock) {
        String path = config.getPort() == null || config.getPort().isBlank() ? null : config.getPort().trim();
        if (path == null) {
            return new SerialDevice(name, null, null, reconnect, onData, clock,
                    new PeripheralState(PeripheralState.DISABLED, null, null, clock.instant()));
        }
        SerialSettings settings;
        try {
            settings = SerialSettings.of(config.getBaud(), config.getFrame(), config.getFlowControl());
        } catch (IllegalArgumentException e) {
            log.error("Peripheral {} on {} is disabled: {}", name, path, e.getMessage());
            return new SerialDevice(name, path, null, reconnect, onData, clock,
                    new PeripheralState(PeripheralState.DISABLED, path, "invalid-settings", clock.instant()));
        }
        return new SerialDevice(name, path, settings, reconnect, onData, clock,
                new PeripheralState(PeripheralState.DISCONNECTED, path, "not-opened-yet", clock.instant()));
    }

    String name() {
        return name;
    }

    PeripheralState state() {
        return state;
    }

    boolean enabled() {
        return settings != null;
    }

    boolean connected() {
        return PeripheralState.CONNECTED.equals(state.status());
    }

    /** Runs on the device thread after each successful open, e.g. to initialise the device. */
    void onConnected(Runnable action) {
        this.onConnected = Objects.requireNonNull(action);
    }

    /** Opens the port (in the background); a port that cannot be opened is retried with back-off. */
    void start() {
        if (!enabled()) {
            return;
        }
        run(() -> {
            if (!started) {
                started = true;
                tryOpen();
            }
        });
    }

    /** Queues the bytes for the device; completes with whether they were all written. Never throws. */
    CompletableFuture<Boolean> write(byte[] bytes) {
        return call(() -> writeNow(bytes)).exceptionally(e -> false);
    }

    /**
     * Runs the task on the device thread, after everything queued before it. The future completes
     * exceptionally if the task throws or the device is closed; it is never completed on the caller's thread
     * by running the task there.
     */
    <T> CompletableFuture<T> call(Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            thread.execute(() -> {
                try {
                    result.complete(task.call());
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RuntimeException rejected) {
            result.completeExceptionally(rejected);
        }
        return result;
    }

    /**
     * Writes on the device thread (only from a task given to {@link #call}); false when the device is
     * not connected or the write failed, which marks the device disconnected.
     */
    boolean writeNow(byte[] bytes) {
        SerialPort open = port;
        if (open == null) {
            return false;
        }
        if (bytes.length == 0) {
            return true;
        }
        int written;
        try {
            written = open.writeBytes(bytes, bytes.length);
        } catch (RuntimeException | LinkageError e) {
            written = -1;
        }
        if (written != bytes.length) {
            lost(open, "write-failed");
            return false;
        }
        return true;
    }

    /** Runs the task on the device thread every {@code period} (first after one period) until closed; failures are logged. */
    void every(Duration period, Runnable task) {
        if (!enabled() || period == null || period.isZero() || period.isNegative()) {
            return;
        }
        try {
            thread.scheduleWithFixedDelay(() -> guarded(task), period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException ignored) {
            // closed
        }
    }

    /** Changes what the device reports (e.g. paper-out) without changing its status. */
    void detail(String detail) {
        PeripheralState now = state;
        if (!Objects.equals(now.detail(), detail)) {
            state = new PeripheralState(now.status(), now.port(), detail, now.since());
            if (detail != null) {
                log.warn("Peripheral {} on {} reports {}", name, path, detail);
            } else {
                log.info("Peripheral {} on {} reports all is well", name, path);
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            thread.execute(() -> {
                SerialPort open = port;
                port = null;
                closeQuietly(open);
            });
        } catch (RuntimeException ignored) {
            // already shut down
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(3, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void tryOpen() {
        if (closed || port != null) {
            return;
        }
        SerialPort candidate = null;
        try {
            candidate = SerialPort.getCommPort(path);
            candidate.setComPortParameters(settings.baud(), settings.dataBits(), settings.stopBits(), settings.parity());
            candidate.setFlowControl(settings.flowControl());
            candidate.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, READ_TIMEOUT_MS, 0);
            if (!candidate.openPort()) {
                notOpened("cannot-open", null);
                return;
            }
            SerialPort opened = candidate;
            if (!candidate.addDataListener(new Listener(opened))) {
                closeQuietly(candidate);
                notOpened("cannot-listen", null);
                return;
            }
            port = candidate;
            lastDelay = null;
            change(PeripheralState.CONNECTED, null);
            try {
                onConnected.run();
            } catch (RuntimeException e) {
                log.warn("Peripheral {} on {}: initialising after connect failed", name, path, e);
            }
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: jSerialComm's native library could not be loaded; keep trying, never die
            closeQuietly(candidate);
            notOpened("cannot-open", e);
        }
    }

    private void notOpened(String detail, Throwable cause) {
        if (PeripheralState.DISCONNECTED.equals(state.status()) && detail.equals(state.detail())) {
            log.debug("Peripheral {} on {} still cannot be opened", name, path);
        } else {
            log.warn("Peripheral {} on {} cannot be opened{}; retrying", name, path,
                    cause == null ? "" : ": " + cause.getMessage());
        }
        change(PeripheralState.DISCONNECTED, detail);
        retryLater();
    }

    /** On the device thread: the open port went away; close it and retry from the first delay. */
    private void lost(SerialPort which, String detail) {
        if (which != port || closed) {
            return;
        }
        port = null;
        closeQuietly(which);
        log.warn("Peripheral {} on {} went away ({}); retrying", name, path, detail);
        change(PeripheralState.DISCONNECTED, detail);
        lastDelay = null;
        retryLater();
    }

    private void retryLater() {
        if (closed) {
            return;
        }
        lastDelay = reconnect.next(lastDelay);
        try {
            thread.schedule(() -> guarded(this::tryOpen), lastDelay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException ignored) {
            // shutting down
        }
    }

    private void change(String status, String detail) {
        PeripheralState now = state;
        if (status.equals(now.status())) {
            if (!Objects.equals(detail, now.detail())) {
                state = new PeripheralState(status, path, detail, now.since());
            }
            return;
        }
        state = new PeripheralState(status, path, detail, clock.instant());
        if (PeripheralState.CONNECTED.equals(status)) {
            log.info("Peripheral {} on {} connected", name, path);
        }
    }

    private void run(Runnable task) {
        try {
            thread.execute(() -> guarded(task));
        } catch (RuntimeException ignored) {
            // closed
        }
    }

    private void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | LinkageError e) {
            log.error("Peripheral {} on {}: unexpected failure", name, path, e);
        }
    }

    private static void closeQuietly(SerialPort open) {
        if (open == null) {
            return;
        }
        try {
            open.removeDataListener();
            open.closePort();
        } catch (RuntimeException | LinkageError ignored) {
            // the device is gone anyway
        }
    }

    /** Runs on jSerialComm's event thread: hands data on, and a disconnect to the device thread. */
    private final class Listener implements SerialPortDataListener {
        private final SerialPort source;

        Listener(SerialPort source) {
            this.source = source;
        }

        @Override
        public int getListeningEvents() {
            return SerialPort.LISTENING_EVENT_DATA_RECEIVED | SerialPort.LISTENING_EVENT_PORT_DISCONNECTED;
        }

        @Override
        public void serialEvent(SerialPortEvent event) {
            int type = event.getEventType();
            if ((type & SerialPort.LISTENING_EVENT_DATA_RECEIVED) != 0) {
                byte[] data = event.getReceivedData();
                if (data != null && data.length > 0) {
                    try {
                        onData.accept(data);
                    } catch (RuntimeException e) {
                        log.error("Peripheral {} on {}: handling received bytes failed", name, path, e);
                    }
                }
            }
            if ((type & SerialPort.LISTENING_EVENT_PORT_DISCONNECTED) != 0) {
                run(() -> lost(source, "unplugged"));
            }
        }
    }
}
