package com.novapos.core.catalog;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface TaxRateRepository extends JpaRepository<TaxRate, UUID> {
    Optional<TaxRate> findByCodeAndValidFrom(String code, LocalDate validFrom);

    /** Rates of a jurisdiction and category valid on a date, the latest start first. */
    @Query("""
            select r from TaxRate r where r.jurisdiction = :jurisdiction and r.taxCategory = :taxCategory
            and r.validFrom <= :on and (r.validTo is null or r.validTo > :on) order by r.validFrom desc, r.code desc""")
    List<TaxRate> inForce(String jurisdiction, String taxCategory, LocalDate on);
}
