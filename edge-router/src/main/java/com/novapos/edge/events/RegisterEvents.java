package com.novapos.edge.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The registers listening on {@code GET /api/v1/events} (Server-Sent Events), and the way to tell
 * them something: scans ({@code scan}, {@code not-found}), payment results, online-order alerts.
 * Events are not stored: a register that reconnects asks the API for current state.
 */
@Component
public class RegisterEvents {
    private static final Logger log = LoggerFactory.getLogger(RegisterEvents.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    /** A new subscription; it ends on timeout (the register's EventSource reconnects by itself) or error. */
    public SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        emitters.add(emitter);
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(e -> emitters.remove(emitter));
        try {
            emitter.send(SseEmitter.event().comment("connected"));
        } catch (IOException e) {
            emitters.remove(emitter);
        }
        return emitter;
    }

    /** Sends an event to every connected register; a register that went away is dropped. */
    public void publish(String name, Object data) {
        String id = Long.toString(ids.incrementAndGet());
        for (SseEmitter emitter : emitters) {
            try {
                emitter.send(SseEmitter.event().id(id).name(name).data(data, MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException e) {
                emitters.remove(emitter);
                log.debug("register event stream closed: {}", e.toString());
            }
        }
    }

    /** Ends every stream when the edge stops, so a graceful shutdown does not wait for registers to hang up. */
    @org.springframework.context.event.EventListener(org.springframework.context.event.ContextClosedEvent.class)
    public void closeAll() {
        for (SseEmitter emitter : emitters) {
            emitter.complete();
        }
        emitters.clear();
    }

    public int subscribers() {
        return emitters.size();
    }
}
