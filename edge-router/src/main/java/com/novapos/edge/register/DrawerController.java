package com.novapos.edge.register;

import com.novapos.edge.peripherals.StorePeripherals;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.Map;

/**
 * "Open drawer" without a sale (change for the float, a jammed note): the register that asked (the
 * authenticated register id), the cashier and why are written to the audit log by the drawer itself. 200 when the kick reached the printer, 503
 * problem+json when the printer (which drives the drawer) is not there.
 */
@RestController
@RequestMapping("/api/v1/drawer")
class DrawerController {
    private final StorePeripherals peripherals;

    DrawerController(StorePeripherals peripherals) {
        this.peripherals = peripherals;
    }

    record OpenRequest(String cashierId, String reason) {
    }

    @PostMapping(path = "/open", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> open(@RequestBody OpenRequest request, Principal register) {
        if (request.cashierId() == null || request.cashierId().isBlank() || request.reason() == null || request.reason().isBlank()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "an open-drawer action needs the cashierId and a reason (it is audited)");
            problem.setTitle("invalid request");
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        if (peripherals.openDrawer(register == null ? null : register.getName(), request.cashierId(), request.reason())) {
            return ResponseEntity.ok(Map.of("opened", true));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "the receipt printer, which drives the cash drawer, is not connected: " + peripherals.states().get("printer"));
        problem.setTitle("drawer unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
