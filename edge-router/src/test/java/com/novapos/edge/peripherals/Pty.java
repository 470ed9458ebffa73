package com.novapos.edge.peripherals;

import com.fazecast.jSerialComm.SerialPort;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A pseudo-terminal pair made by socat, standing in for a serial device: the edge opens
 * {@link #devicePath()}, the test reads and writes the other end. {@link #close()} kills socat (the
 * device is unplugged); {@link #start()} again makes a new pair behind the same two links (plugged back).
 */
final class Pty implements AutoCloseable {
    private final Path device;
    private final Path test;
    private Process socat;
    private SerialPort end;

    private Pty(Path dir, String name) {
        this.device = dir.resolve(name + "-dev");
        this.test = dir.resolve(name + "-test");
    }

    static Pty start(Path dir, String name) {
        Pty pty = new Pty(dir, name);
        pty.start();
        return pty;
    }

    String devicePath() {
        return device.toString();
    }

    void start() {
        try {
            Files.deleteIfExists(device);
            Files.deleteIfExists(test);
            socat = new ProcessBuilder("/usr/bin/socat",
                    "pty,raw,echo=0,link=" + device, "pty,raw,echo=0,link=" + test)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!(Files.exists(device) && Files.exists(test))) {
                if (System.nanoTime() > deadline || !socat.isAlive()) {
                    throw new IllegalStateException("socat did not make " + device + " and " + test);
                }
                Thread.sleep(20);
            }
            end = SerialPort.getCommPort(test.toString());
            end.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 50, 0);
            if (!end.openPort()) {
                throw new IllegalStateException("cannot open " + test);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void write(byte[] bytes) {
        if (end.writeBytes(bytes, bytes.length) != bytes.length) {
            throw new IllegalStateException("could not write to " + test);
        }
    }

    /** Everything the edge sent within the timeout, reading on until nothing more came for 200 ms. */
    byte[] readAvailable(Duration timeout) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        long deadline = System.nanoTime() + timeout.toNanos();
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            int n = end.readBytes(buffer, buffer.length);
            if (n > 0) {
                out.write(buffer, 0, n);
                quietSince = System.nanoTime();
            } else if (out.size() > 0 && System.nanoTime() - quietSince > TimeUnit.MILLISECONDS.toNanos(200)) {
                break;
            }
        }
        return out.toByteArray();
    }

    /** Reads until {@code expected} bytes came or the timeout passed. */
    byte[] readAtLeast(int expected, Duration timeout) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        long deadline = System.nanoTime() + timeout.toNanos();
        while (out.size() < expected && System.nanoTime() < deadline) {
            int n = end.readBytes(buffer, buffer.length);
            if (n > 0) {
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    /** Unplugs the device: closes the test end and ends socat, which removes the links. */
    @Override
    public void close() {
        if (end != null) {
            end.closePort();
            end = null;
        }
        if (socat != null) {
            socat.destroy();
            try {
                if (!socat.waitFor(5, TimeUnit.SECONDS)) {
                    socat.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            socat = null;
        }
    }
}
