package com.novapos.edge.register;

import com.novapos.edge.peripherals.PeripheralState;
import com.novapos.edge.peripherals.StorePeripherals;
import com.novapos.model.returns.SaleReturn;
import com.novapos.model.sale.Sale;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A store without serial peripherals: every device {@code disabled}, sales go on. Registered as an
 * auto-configuration (see {@code META-INF/spring/...AutoConfiguration.imports}) so that it backs off
 * reliably when the peripherals package provides its {@link StorePeripherals}.
 */
@AutoConfiguration
public class NoPeripherals {

    @Bean
    @ConditionalOnMissingBean(StorePeripherals.class)
    StorePeripherals noPeripherals() {
        return new Disabled();
    }

    static final class Disabled implements StorePeripherals {
        private final Instant since = Instant.now();

        @Override
        public void saleCompleted(Sale sale) {
        }

        @Override
        public void returnCompleted(SaleReturn saleReturn) {
        }

        @Override
        public boolean openDrawer(String registerId, String user, String reason) {
            return false;
        }

        @Override
        public void showItem(String name, String price) {
        }

        @Override
        public Map<String, PeripheralState> states() {
            Map<String, PeripheralState> states = new LinkedHashMap<>();
            for (String device : new String[] {"scanner", "printer", "display"}) {
                states.put(device, new PeripheralState(PeripheralState.DISABLED, null, null, since));
            }
            return states;
        }
    }
}
