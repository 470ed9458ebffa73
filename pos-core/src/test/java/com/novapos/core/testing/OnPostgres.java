package com.novapos.core.testing;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ActiveProfiles;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test class against the real PostgreSQL (profile {@code postgres}), gated by
 * {@link PostgresGate}: required in CI, skipped loudly where no database answers.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(PostgresGate.class)
@ActiveProfiles("postgres")
public @interface OnPostgres {
}
