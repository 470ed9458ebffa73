package com.novapos.edge.register;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Customer lookup from the local cache: by id, or by phone / e-mail. */
@RestController
class CustomersController {
    private final CustomerCache customers;

    CustomersController(CustomerCache customers) {
        this.customers = customers;
    }

    @GetMapping("/api/v1/customers/{customerId}")
    JsonNode byId(@PathVariable String customerId) {
        return customers.byId(customerId).orElseThrow(() -> new NotFoundException(
                "customer " + customerId + " has not been seen at this store"));
    }

    @GetMapping("/api/v1/customers")
    List<JsonNode> search(@RequestParam(required = false) String phone, @RequestParam(required = false) String email) {
        if ((phone == null || phone.isBlank()) && (email == null || email.isBlank())) {
            throw new IllegalArgumentException("give phone or email");
        }
        return customers.search(phone, email);
    }
}
