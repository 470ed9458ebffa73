package com.novapos.core;

import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import com.novapos.model.validation.CanonicalValidator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * Brings the POS core into a Spring Boot application: entities, repositories and services of
 * {@code com.novapos.core}. The schema is Flyway's ({@code db/migration}); Hibernate only
 * validates it.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = PosCoreConfiguration.class)
@EntityScan(basePackageClasses = PosCoreConfiguration.class)
@EnableJpaRepositories(basePackageClasses = PosCoreConfiguration.class)
@EnableConfigurationProperties(PosCoreProperties.class)
public class PosCoreConfiguration {

    /** The canonical model's validator (bean validation + the model's own rules); thread-safe, one per application. */
    @Bean
    CanonicalValidator canonicalValidator() {
        return new CanonicalValidator();
    }
}
