package dev.sqlmodel.quarkus;

import dev.sqlmodel.IntegrityException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers a failed request with its reason: 400 for a constraint violation, 409 for an integrity
 * violation (also when the JTA commit failed because of one), the cause's message as text.
 */
@Provider
public class ErrorMapper implements ExceptionMapper<RuntimeException> {
    /**
     * Constraint violations of a flush, mapped on their own: quarkus-hibernate-validator maps
     * {@code ValidationException} itself, and answers 500 for any violation that did not come
     * from validating the resource method's parameters.
     */
    @Provider
    public static class Violations implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            return answer(400, e);
        }
    }

    @Override
    public Response toResponse(RuntimeException e) {
        if (e instanceof WebApplicationException w) {
            return w.getResponse();
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException) {
                return answer(400, t);
            }
            if (t instanceof IntegrityException) {
                return answer(409, t);
            }
        }
        return answer(500, e);
    }

    private static Response answer(int status, Throwable t) {
        return Response.status(status).type(MediaType.TEXT_PLAIN).entity(t.getClass().getSimpleName() + ": " + t.getMessage()).build();
    }
}
