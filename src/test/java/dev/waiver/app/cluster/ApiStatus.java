package dev.waiver.app.cluster;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.StatusCauseBuilder;

/// `Status` bodies as a real API server sends them with its error codes.
final class ApiStatus {

    private ApiStatus() {
    }

    static Status of(int code, String reason, String message) {
        return new StatusBuilder().withApiVersion("v1").withKind("Status").withStatus("Failure")
                .withCode(code).withReason(reason).withMessage(message).build();
    }

    static Status invalid(String message, String field, String causeMessage) {
        return new StatusBuilder().withApiVersion("v1").withKind("Status").withStatus("Failure").withCode(422)
                .withReason("Invalid").withMessage(message)
                .withNewDetails().withKind("PolicyException").withGroup("kyverno.io")
                .addToCauses(new StatusCauseBuilder().withField(field).withMessage(causeMessage)
                        .withReason("FieldValueRequired").build())
                .endDetails().build();
    }
}
