package com.novapos.core.sales;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Optional;
import java.util.UUID;

interface ReturnRepository extends JpaRepository<ReturnRow, UUID> {

    @Query("select count(r) > 0 from ReturnRow r where r.returnId = :returnId")
    boolean recorded(String returnId);

    @Query("select r from ReturnRow r where r.returnId = :returnId")
    Optional<ReturnRow> find(String returnId);
}
