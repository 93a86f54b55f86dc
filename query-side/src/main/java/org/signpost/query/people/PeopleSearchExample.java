package org.signpost.query.people;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import java.util.Map;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * The search's example body in the OpenAPI document: the NHS number of the command examples'
 * young person (a valid one), rather than a generated sample that the search would refuse.
 */
@Component
class PeopleSearchExample implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (handler.getBeanType() != PeopleSearchController.class || operation.getRequestBody() == null
                || operation.getRequestBody().getContent() == null) {
            return operation;
        }
        MediaType json = operation.getRequestBody().getContent().get(org.springframework.http.MediaType.APPLICATION_JSON_VALUE);
        if (json != null) {
            json.setExample(Map.of("nhsNumber", "943 476 5919"));
        }
        return operation;
    }
}
