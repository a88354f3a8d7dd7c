package com.easydesk.attachment;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ZipEntryNamesTest {

    @Nested
    class Duplicates {

        @Test
        void secondAndThirdFileOfOneNameAreNumberedBeforeTheExtension() {
            var names = new ZipEntryNames();

            assertThat(names.unique("Смета.xlsx")).isEqualTo("Смета.xlsx");
            assertThat(names.unique("Смета.xlsx")).isEqualTo("Смета (2).xlsx");
            assertThat(names.unique("Смета.xlsx")).isEqualTo("Смета (3).xlsx");
        }

        @Test
        void namesDifferingOnlyInCaseCountAsDuplicates() {
            var names = new ZipEntryNames();
            names.unique("Акт.PDF");

            assertThat(names.unique("акт.pdf")).isEqualTo("акт (2).pdf");
        }

        @Test
        void aNumberedNameAlreadyTakenIsSkipped() {
            var names = new ZipEntryNames();
            names.unique("отчёт (2).txt");
            names.unique("отчёт.txt");

            assertThat(names.unique("отчёт.txt")).isEqualTo("отчёт (3).txt");
        }

        @Test
        void nameWithoutExtensionOrWithALeadingDotIsNumberedAtTheEnd() {
            var names = new ZipEntryNames();
            names.unique("README");
            names.unique(".env");

            assertThat(names.unique("README")).isEqualTo("README (2)");
            assertThat(names.unique(".env")).isEqualTo(".env (2)");
        }
    }

    @Nested
    class SafeNames {

        @Test
        void charactersWindowsForbidsBecomeUnderscores() {
            assertThat(ZipEntryNames.safe("Акт \"сверки\": итог?.docx")).isEqualTo("Акт _сверки__ итог_.docx");
        }

        @Test
        void trailingDotsAndSpacesAreDropped() {
            assertThat(ZipEntryNames.safe("черновик. . ")).isEqualTo("черновик");
        }

        @Test
        void nothingLeftBecomesFile() {
            assertThat(ZipEntryNames.safe("...")).isEqualTo("file");
        }

        @Test
        void longCyrillicNameIsShortenedToWhatFileSystemsAllowKeepingTheExtension() {
            String name = "Очень длинное название документа ".repeat(10) + ".pdf";

            String safe = ZipEntryNames.safe(name);

            assertThat(safe.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(240);
            assertThat(safe).startsWith("Очень длинное").endsWith(".pdf");
        }
    }
}
