package org.signpost.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.signpost.platform.web.SingleLineText;
import org.signpost.platform.web.Text;

/**
 * Text a client sends is checked by one rule (TextRule), declared on each field of each request
 * body; a text field added without saying whether it is one line or several would slip past it.
 */
class RequestTextTest {

    @Test
    void everyTextFieldOfACommandBodyIsOneLineOrSeveralLinesOfText() {
        fields().that().areDeclaredInClassesThat().resideInAPackage("org.signpost.command.web")
                .and().areDeclaredInClassesThat().areAssignableTo(Record.class)
                .and().haveRawType(String.class)
                .should().beAnnotatedWith(Text.class).orShould().beAnnotatedWith(SingleLineText.class)
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.signpost.command.web"));
    }
}
