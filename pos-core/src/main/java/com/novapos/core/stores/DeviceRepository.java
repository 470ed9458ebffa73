package com.novapos.core.stores;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

interface DeviceRepository extends JpaRepository<DeviceRecord, UUID> {
    Optional<DeviceRecord> findByDeviceId(String deviceId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from DeviceRecord d where d.deviceId = :deviceId")
    Optional<DeviceRecord> lock(String deviceId);

    /** Keeps the latest heartbeat of a device of a store; answers 0 when there is no such device there. */
    @Modifying
    @Query("""
            update DeviceRecord d set d.lastHeartbeat = :heartbeat, d.lastSeenAt = :seenAt
            where d.deviceId = :deviceId and d.storeId = :storeId""")
    int recordHeartbeat(String deviceId, String storeId, String heartbeat, Instant seenAt);
}
