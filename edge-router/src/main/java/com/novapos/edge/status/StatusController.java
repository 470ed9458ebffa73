package com.novapos.edge.status;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/status}: online, queue depth, oldest queued age, last sync, peripherals. */
@RestController
class StatusController {
    private final EdgeStatus status;

    StatusController(EdgeStatus status) {
        this.status = status;
    }

    @GetMapping("/api/v1/status")
    EdgeStatus.Snapshot status() {
        return status.now();
    }
}
