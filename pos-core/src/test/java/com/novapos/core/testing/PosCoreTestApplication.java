package com.novapos.core.testing;

import com.novapos.core.PosCoreConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The smallest Spring Boot application around the POS core, for its tests. */
@SpringBootApplication
@Import(PosCoreConfiguration.class)
public class PosCoreTestApplication {
}
