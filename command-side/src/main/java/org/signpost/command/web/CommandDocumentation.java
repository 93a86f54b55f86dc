package org.signpost.command.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import java.util.Arrays;
import java.util.UUID;
import org.signpost.platform.apidocs.ProblemAnswers;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.HandlerMethod;

/**
 * What every command has in common, added to each command's operation rather than written on
 * it: the new version in {@code ETag} (and the new resource's address in {@code Location} for a
 * 201), {@code If-Match} and its 412 on an existing record, and the 409 of a business rule.
 */
@Component
class CommandDocumentation implements OperationCustomizer, Ordered {

    /** Before the shared problem answers, which sort all answers by code. */
    @Override
    public int getOrder() {
        return 0;
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (!handler.getBeanType().getPackageName().equals(CommandDocumentation.class.getPackageName())) {
            return operation;
        }
        operation.getResponses().forEach((code, answer) -> {
            if (code.startsWith("2")) {
                answer.addHeaderObject("ETag", ProblemAnswers.header("The record's version after the command, "
                        + "for If-Match: \"5\""));
                if (code.equals("201")) {
                    answer.addHeaderObject("Location", ProblemAnswers.header("Where the new resource is read"));
                }
            }
        });
        operation.getResponses().putIfAbsent("409", ProblemAnswers.problem("A business rule refuses the command "
                + "(`errors` names the field where one is to blame), or a client-supplied id was used before "
                + "with a different body; nothing is stored"));
        boolean existing = Arrays.stream(handler.getMethodParameters())
                .anyMatch(p -> p.hasParameterAnnotation(PathVariable.class) && p.getParameterType() == UUID.class);
        if (existing) {
            operation.addParametersItem(new HeaderParameter().name("If-Match").required(false)
                    .description("The version the client last read (an ETag): the command is refused with 412 "
                            + "if the record has changed since; absent or `*`, no check")
                    .schema(new StringSchema()).example("\"3\""));
            operation.getResponses().putIfAbsent("412", ProblemAnswers.problem("If-Match names a version that is "
                    + "not the current one; nothing is stored")
                    .addHeaderObject("ETag", ProblemAnswers.header("The current version")));
        }
        return operation;
    }

}
