package com.novapos.hub;

import com.novapos.core.PosCoreConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The NovaPOS hub: the POS core (system of record) with the Camel routes around it. On
 * embedded defaults it keeps its database under {@code novapos.data-dir}.
 */
@SpringBootApplication
@Import(PosCoreConfiguration.class)
public class NovaposHubApplication {

    public static void main(String[] args) {
        SpringApplication.run(NovaposHubApplication.class, args);
    }
}
