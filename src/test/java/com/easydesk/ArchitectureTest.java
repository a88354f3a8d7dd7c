package com.easydesk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Controller;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** Features use each other only through their public services (STYLE.md, point 1 and 2). */
class ArchitectureTest {

    private static final String ROOT = "com.easydesk";
    private static final JavaClasses APPLICATION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void repositoriesAreUsedOnlyInsideTheirOwnFeature() {
        List<JavaClass> repositories = APPLICATION.stream()
                .filter(type -> type.isAssignableTo(Repository.class) && type.isInterface())
                .toList();
        assertThat(repositories).isNotEmpty();
        for (JavaClass repository : repositories) {
            String feature = featureOf(repository);
            noClasses().that().resideOutsideOfPackage(feature + "..")
                    .should().dependOnClassesThat().haveFullyQualifiedName(repository.getName())
                    .because("a feature reaches another feature's data through its service")
                    .check(APPLICATION);
        }
    }

    @Test
    void webPackagesAreUsedByNobodyElse() {
        noClasses().that().resideOutsideOfPackage("..web..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".*.web..")
                .check(APPLICATION);
    }

    @Test
    void controllersArePackagePrivate() {
        classes().that().areAnnotatedWith(Controller.class).should().notBePublic().check(APPLICATION);
    }

    @Test
    void everyFeaturePackageSaysWhatItIsFor() throws Exception {
        Path sources = Path.of("src/main/java/com/easydesk");
        try (Stream<Path> features = Files.list(sources)) {
            List<Path> withoutInfo = features.filter(Files::isDirectory)
                    .filter(feature -> !Files.exists(feature.resolve("package-info.java")))
                    .toList();
            assertThat(withoutInfo).isEmpty();
        }
    }

    private static String featureOf(JavaClass type) {
        String rest = type.getPackageName().substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return ROOT + "." + (dot < 0 ? rest : rest.substring(0, dot));
    }
}
