package com.novapos.core.stores;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;
import java.util.UUID;

interface DeviceRepository extends JpaRepository<DeviceRecord, UUID> {
    Optional<DeviceRecord> findByDeviceId(String deviceId);
}
