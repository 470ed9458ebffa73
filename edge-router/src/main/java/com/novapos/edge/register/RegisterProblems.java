package com.novapos.edge.register;

import com.novapos.model.validation.MessageRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/**
 * Refusals of the register API as {@code application/problem+json} (RFC 9457). A rejected message
 * lists every violation with its field path and rule; messages never quote card numbers (the
 * canonical reader refuses them before anything echoes them).
 */
@RestControllerAdvice
class RegisterProblems {
    static final URI INVALID_MESSAGE = URI.create("https://novapos.dev/problems/invalid-message");
    static final URI NEEDS_CONNECTION = URI.create("https://novapos.dev/problems/needs-connection");

    @ExceptionHandler(MessageRejectedException.class)
    ProblemDetail rejected(MessageRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                e.violations().size() + " violation(s): " + e.getMessage());
        problem.setType(INVALID_MESSAGE);
        problem.setTitle("invalid message");
        problem.setProperty("violations", e.violations());
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the request body could not be read");
        problem.setTitle("unreadable body");
        return problem;
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "send application/json");
        problem.setTitle("unsupported media type");
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("bad request");
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("not found");
        return problem;
    }

    @ExceptionHandler(NeedsConnectionException.class)
    ProblemDetail needsConnection(NeedsConnectionException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setType(NEEDS_CONNECTION);
        problem.setTitle("needs connection");
        return problem;
    }

    @ExceptionHandler(RegisterTransactions.JournalUnavailableException.class)
    ProblemDetail journal(RegisterTransactions.JournalUnavailableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("journal unavailable");
        return problem;
    }
}
