package com.novapos.edge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The store edge router: one per store, next to the registers. */
@SpringBootApplication
@EnableConfigurationProperties(EdgeProperties.class)
public class NovaposEdgeApplication {
    public static void main(String[] args) {
        SpringApplication.run(NovaposEdgeApplication.class, args);
    }
}
