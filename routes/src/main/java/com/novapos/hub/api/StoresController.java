package com.novapos.hub.api;

import com.novapos.hub.ingest.StoreHeartbeats;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Stores as support sees them: each edge router's latest heartbeat (role SUPPORT or ADMIN). */
@RestController
@RequestMapping("/api/v1/stores")
class StoresController {
    private final StoreHeartbeats heartbeats;

    StoresController(StoreHeartbeats heartbeats) {
        this.heartbeats = heartbeats;
    }

    @GetMapping("/heartbeats")
    List<StoreHeartbeats.Seen> heartbeats() {
        return heartbeats.latest();
    }
}
