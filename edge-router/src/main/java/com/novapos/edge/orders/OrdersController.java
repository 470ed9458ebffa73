package com.novapos.edge.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.novapos.model.order.OrderStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The store's pickup orders for the registers: {@code GET /api/v1/orders?status=ROUTED} is the
 * pending-pickups list; {@code POST /api/v1/orders/{orderId}/ready | picked-up | cancel} move an
 * order (optional body {@code {"reason": "..."}}), offline too — the move waits in the local queue.
 * An unknown order is 404, a move its life cycle does not allow 409, both problem+json.
 */
@RestController
@RequestMapping("/api/v1/orders")
class OrdersController {
    private final PickupOrders orders;

    OrdersController(PickupOrders orders) {
        this.orders = orders;
    }

    @GetMapping
    List<PickupOrders.PickupOrder> list(@RequestParam(defaultValue = "ROUTED") String status) {
        return orders.withStatus(parse(status));
    }

    @GetMapping("/{orderId}")
    PickupOrders.PickupOrder get(@PathVariable String orderId) {
        return orders.find(orderId).orElseThrow(() -> new PickupOrders.UnknownOrderException(orderId));
    }

    @PostMapping("/{orderId}/ready")
    ResponseEntity<PickupOrders.PickupOrder> ready(@PathVariable String orderId, @RequestBody(required = false) JsonNode body) {
        return moved(orders.move(orderId, OrderStatus.READY, reason(body)));
    }

    @PostMapping("/{orderId}/picked-up")
    ResponseEntity<PickupOrders.PickupOrder> pickedUp(@PathVariable String orderId, @RequestBody(required = false) JsonNode body) {
        return moved(orders.move(orderId, OrderStatus.PICKED_UP, reason(body)));
    }

    @PostMapping("/{orderId}/cancel")
    ResponseEntity<PickupOrders.PickupOrder> cancel(@PathVariable String orderId, @RequestBody(required = false) JsonNode body) {
        return moved(orders.move(orderId, OrderStatus.CANCELLED, reason(body)));
    }

    @ExceptionHandler(PickupOrders.UnknownOrderException.class)
    ProblemDetail unknown(PickupOrders.UnknownOrderException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("unknown order");
        return problem;
    }

    @ExceptionHandler(PickupOrders.NotAllowedException.class)
    ProblemDetail notAllowed(PickupOrders.NotAllowedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("invalid order transition");
        problem.setProperty("from", e.from);
        problem.setProperty("to", e.to);
        return problem;
    }

    /** 202: the move is kept here and on its way to the hub. */
    private static ResponseEntity<PickupOrders.PickupOrder> moved(PickupOrders.PickupOrder order) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(order);
    }

    private static String reason(JsonNode body) {
        if (body == null || !body.hasNonNull("reason")) {
            return null;
        }
        String reason = body.get("reason").asText();
        if (reason.length() > 200) {
            throw new IllegalArgumentException("reason: at most 200 characters");
        }
        return reason;
    }

    private static OrderStatus parse(String status) {
        try {
            return OrderStatus.valueOf(status.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status: one of " + java.util.Arrays.toString(OrderStatus.values()));
        }
    }
}
