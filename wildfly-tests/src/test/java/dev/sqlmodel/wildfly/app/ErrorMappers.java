package dev.sqlmodel.wildfly.app;

import dev.sqlmodel.IntegrityException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The API's error answers: a JSON {@code detail}, as FastAPI gives. */
final class ErrorMappers {
    private ErrorMappers() {
    }

    private static Response status(int status, String json) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(json).build();
    }

    /** An invalid body, on reading or at flush: 400 with one entry per violation. */
    @Provider
    public static final class Violations implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            JsonArrayBuilder detail = Json.createArrayBuilder();
            for (ConstraintViolation<?> v : e.getConstraintViolations()) {
                detail.add(Json.createObjectBuilder()
                        .add("field", v.getPropertyPath().toString())
                        .add("message", v.getMessage()));
            }
            return status(400, Json.createObjectBuilder().add("detail", detail).build().toString());
        }
    }

    /** A body with an unknown key or a value of the wrong type: 400. */
    @Provider
    public static final class BadInput implements ExceptionMapper<IllegalArgumentException> {
        @Override
        public Response toResponse(IllegalArgumentException e) {
            return status(400, Json.createObjectBuilder().add("detail", String.valueOf(e.getMessage())).build().toString());
        }
    }

    /** A foreign key to nothing, say: 409. */
    @Provider
    public static final class Conflict implements ExceptionMapper<IntegrityException> {
        @Override
        public Response toResponse(IntegrityException e) {
            return status(409, Json.createObjectBuilder().add("detail", String.valueOf(e.getMessage())).build().toString());
        }
    }
}
