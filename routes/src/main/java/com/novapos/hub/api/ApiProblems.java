package com.novapos.hub.api;

import com.novapos.core.orders.OrderNotFoundException;
import com.novapos.core.orders.OrderTransitionException;
import com.novapos.model.validation.MessageRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/**
 * Turns refusals into {@code application/problem+json} (RFC 9457). A rejected message lists every
 * violation with its field path and rule, so the sender can fix all of them at once.
 */
@RestControllerAdvice
class ApiProblems {
    static final URI INVALID_MESSAGE = URI.create("https://novapos.dev/problems/invalid-message");

    @ExceptionHandler(MessageRejectedException.class)
    ProblemDetail rejected(MessageRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                e.violations().size() + " violation(s): " + e.getMessage());
        problem.setType(INVALID_MESSAGE);
        problem.setTitle("invalid message");
        problem.setProperty("violations", e.violations());
        return problem;
    }

    @ExceptionHandler(com.novapos.hub.security.ForeignStoreException.class)
    ProblemDetail foreignStore(MessageRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setType(INVALID_MESSAGE);
        problem.setTitle("not your store");
        problem.setProperty("violations", e.violations());
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "the request body could not be read");
        problem.setTitle("unreadable body");
        return problem;
    }

    @ExceptionHandler(OrderTransitionException.class)
    ProblemDetail transition(OrderTransitionException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("invalid order transition");
        problem.setProperty("from", e.from());
        problem.setProperty("to", e.to());
        return problem;
    }

    @ExceptionHandler(com.novapos.core.deadletter.DeadLetterNotFoundException.class)
    ProblemDetail deadLetterNotFound(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("not found");
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("bad request");
        return problem;
    }

    @ExceptionHandler(OrderNotFoundException.class)
    ProblemDetail orderNotFound(OrderNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("not found");
        return problem;
    }
}
