package com.easydesk.attachment;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.imageio.ImageIO;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.multipart.MultipartFile;

import com.easydesk.message.Message;
import com.easydesk.person.Person;
import com.easydesk.person.Role;
import com.easydesk.support.Fixtures;
import com.easydesk.support.IntegrationTest;
import com.easydesk.task.Task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Files as people meet them: names in any script, types told from the bytes, safe inline display, byte
 * ranges for players, zips, thumbnails and lost content. Everything through the real endpoints.
 */
@IntegrationTest
class AttachmentServingTest {

    private static final Path STORE = Path.of("target", "test-files");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AttachmentService attachments;

    @Autowired
    NamedParameterJdbcTemplate jdbc;

    Person contact;
    Person employee;
    com.easydesk.category.Category category;

    @BeforeEach
    void setUp() {
        employee = fixtures.staff(Role.EMPLOYEE);
        category = fixtures.category(employee);
        contact = fixtures.contact(fixtures.client());
    }

    @Nested
    class ContentTypes {

        @Test
        void typeComesFromTheBytesNotFromTheBrowserOrTheName() {
            Attachment png = attachOne("снимок.txt", png(40, 30), "text/plain");
            Attachment html = attachOne("отчёт.pdf", unique("<!DOCTYPE html><html><body>привет</body></html>"),
                    "application/pdf");
            Attachment svg = attachOne("logo.png", unique("<?xml version=\"1.0\"?>\n"
                    + "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"), "image/png");

            assertThat(png.getContentType()).isEqualTo("image/png");
            assertThat(html.getContentType()).isEqualTo("text/html");
            assertThat(svg.getContentType()).isEqualTo("image/svg+xml");
        }

        @Test
        void nameRefinesPlainTextIntoSourceCode() {
            Attachment java = attachOne("Main.java", unique("class Main { }"), "application/octet-stream");

            assertThat(java.getContentType()).startsWith("text/");
            assertThat(java.getKind()).isEqualTo(FileKind.TEXT);
        }

        @Test
        void unknownBytesAreOtherFilesForDownload() {
            byte[] random = new byte[2048];
            ThreadLocalRandom.current().nextBytes(random);
            random[0] = 0;
            random[1] = 1;

            Attachment blob = attachOne("data.bin", random, "image/png");

            assertThat(blob.getContentType()).isEqualTo("application/octet-stream");
            assertThat(blob.getKind()).isEqualTo(FileKind.OTHER);
        }
    }

    @Nested
    class SafeServing {

        @Test
        void scriptCapableTypesAreNeverServedInline() throws Exception {
            Task task = task(
                    Fixtures.file("page.html", unique("<html><body><script>alert(1)</script></body></html>"),
                            "text/html"),
                    Fixtures.file("drawing.svg", unique("<svg xmlns=\"http://www.w3.org/2000/svg\" "
                            + "onload=\"alert(1)\"></svg>"), "image/svg+xml"),
                    Fixtures.file("data.xml", unique("<?xml version=\"1.0\"?><root>x</root>"), "text/xml"),
                    Fixtures.file("page.xhtml", unique("<?xml version=\"1.0\"?><html "
                            + "xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>"), "application/xhtml+xml"));

            for (Attachment file : attachments.ofTask(task.getId())) {
                MockHttpServletResponse content = fetch(contact, url(task, file) + "/content");

                assertThat(content.getStatus()).as(file.getFileName()).isEqualTo(200);
                assertThat(content.getHeader("Content-Disposition")).as(file.getFileName()).startsWith("attachment;");
                assertThat(content.getContentType()).as(file.getFileName()).isEqualTo("application/octet-stream");
                assertThat(content.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
                assertThat(content.getHeader("Content-Security-Policy")).startsWith("sandbox");
            }
        }

        @Test
        void imagesAreServedInlineWithTheirTypeInASandbox() throws Exception {
            Task task = task(Fixtures.file("фото.png", png(20, 20), "application/octet-stream"));
            Attachment image = attachments.ofTask(task.getId()).get(0);

            MockHttpServletResponse content = fetch(contact, url(task, image) + "/content");

            assertThat(content.getStatus()).isEqualTo(200);
            assertThat(content.getContentType()).isEqualTo("image/png");
            assertThat(content.getHeader("Content-Disposition")).startsWith("inline;");
            assertThat(content.getHeaders("Content-Security-Policy")).singleElement().asString()
                    .startsWith("sandbox").doesNotContain("script-src");
            assertThat(content.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(content.getContentAsByteArray()).isEqualTo(image(task));
        }

        @Test
        void downloadIsAlwaysAnOctetStreamAttachment() throws Exception {
            Task task = task(Fixtures.file("фото.png", png(20, 20), "image/png"));

            MockHttpServletResponse download = fetch(contact, url(task, only(task)));

            assertThat(download.getContentType()).isEqualTo("application/octet-stream");
            assertThat(download.getHeader("Content-Disposition")).startsWith("attachment;");
            assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        }

        @Test
        void htmlIsShownAsEscapedTextOnTheFilePage() throws Exception {
            Task task = task(Fixtures.file("<i>жирный.html",
                    unique("<html><body><script>alert('x')</script></body></html>"), "text/html"));

            MockHttpServletResponse page = fetch(contact, url(task, only(task)) + "/view");

            assertThat(page.getStatus()).isEqualTo(200);
            String html = page.getContentAsString(StandardCharsets.UTF_8);
            assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                    .contains("&lt;i&gt;жирный.html")
                    .doesNotContain("<script>alert", "<i>жирный");
        }

        @Test
        void windows1251TextIsReadable() throws Exception {
            byte[] text = ("Счёт на оплату " + UUID.randomUUID()).getBytes(TextPreview.WINDOWS_1251);
            Task task = task(Fixtures.file("счёт.txt", text, "text/plain"));

            String page = fetch(contact, url(task, only(task)) + "/view").getContentAsString(StandardCharsets.UTF_8);

            assertThat(page).contains("Счёт на оплату");
        }

        @Test
        void pdfOpensInTheBrowsersViewerInsideASandbox() throws Exception {
            Task task = task(Fixtures.file("договор.pdf", pdf(), "application/octet-stream"));

            MockHttpServletResponse content = fetch(contact, url(task, only(task)) + "/content");
            String page = fetch(contact, url(task, only(task)) + "/view").getContentAsString(StandardCharsets.UTF_8);

            assertThat(content.getContentType()).isEqualTo("application/pdf");
            assertThat(content.getHeader("Content-Disposition")).startsWith("inline;");
            assertThat(content.getHeader("Content-Security-Policy")).startsWith("sandbox");
            assertThat(content.getHeader("Content-Security-Policy")).contains("frame-ancestors 'self'");
            assertThat(page).contains("<iframe class=\"file-view-pdf\"");
        }
    }

    @Nested
    class Ranges {

        @Test
        void videoAnswersARangeWithPartialContent() throws Exception {
            byte[] video = mp4(10_000);
            Task task = task(Fixtures.file("запись экрана.mp4", video, "application/octet-stream"));
            Attachment file = only(task);
            assertThat(file.getKind()).isEqualTo(FileKind.VIDEO);

            MockHttpServletResponse part = mvc.perform(get(url(task, file) + "/content")
                    .header("Range", "bytes=100-199")
                    .with(fixtures.as(contact))).andReturn().getResponse();

            assertThat(part.getStatus()).isEqualTo(206);
            assertThat(part.getHeader("Content-Range")).isEqualTo("bytes 100-199/" + video.length);
            assertThat(part.getContentType()).isEqualTo("video/mp4");
            assertThat(part.getContentAsByteArray()).isEqualTo(Arrays.copyOfRange(video, 100, 200));
        }

        @Test
        void openAndSuffixRangesReachTheEnd() throws Exception {
            byte[] video = mp4(5_000);
            Task task = task(Fixtures.file("clip.mp4", video, "video/mp4"));
            String url = url(task, only(task)) + "/content";

            MockHttpServletResponse tail = mvc.perform(get(url).header("Range", "bytes=4990-")
                    .with(fixtures.as(contact))).andReturn().getResponse();
            MockHttpServletResponse last = mvc.perform(get(url).header("Range", "bytes=-10")
                    .with(fixtures.as(contact))).andReturn().getResponse();

            assertThat(tail.getStatus()).isEqualTo(206);
            assertThat(tail.getContentAsByteArray()).isEqualTo(Arrays.copyOfRange(video, 4990, 5000));
            assertThat(last.getContentAsByteArray()).isEqualTo(Arrays.copyOfRange(video, 4990, 5000));
        }

        @Test
        void fullAnswerAdvertisesRangesAndARangePastTheEndIsRefused() throws Exception {
            byte[] video = mp4(1_000);
            Task task = task(Fixtures.file("short.mp4", video, "video/mp4"));
            String url = url(task, only(task)) + "/content";

            MockHttpServletResponse whole = fetch(contact, url);
            MockHttpServletResponse beyond = mvc.perform(get(url).header("Range", "bytes=5000-6000")
                    .with(fixtures.as(contact))).andReturn().getResponse();

            assertThat(whole.getHeader("Accept-Ranges")).isEqualTo("bytes");
            assertThat(whole.getContentLengthLong()).isEqualTo(video.length);
            assertThat(beyond.getStatus()).isEqualTo(416);
        }

        @Test
        void aDownloadCanBeResumed() throws Exception {
            byte[] data = unique("0123456789".repeat(100));
            Task task = task(Fixtures.file("журнал.log", data, "text/plain"));

            MockHttpServletResponse rest = mvc.perform(get(url(task, only(task))).header("Range", "bytes=500-")
                    .with(fixtures.as(contact))).andReturn().getResponse();

            assertThat(rest.getStatus()).isEqualTo(206);
            assertThat(rest.getContentAsByteArray()).isEqualTo(Arrays.copyOfRange(data, 500, data.length));
        }
    }

    @Nested
    class Names {

        @Test
        void cyrillicNameWithQuotesAndSpacesSurvivesDownload() throws Exception {
            String name = "Акт \"сверки\" №5 от 01.02 — итог.xlsx";
            Task task = task(Fixtures.file(name, unique("x"), "application/octet-stream"));

            MockHttpServletResponse download = fetch(contact, url(task, only(task)));

            assertThat(only(task).getFileName()).isEqualTo(name);
            assertThat(download.getHeader("Content-Disposition"))
                    .isEqualTo(ContentDispositions.attachment(name))
                    .contains("filename*=UTF-8''%D0%90%D0%BA%D1%82%20%22")
                    .contains("filename=\"___ _______");
        }

        @Test
        void veryLongNameIsKeptUpToItsLimitAndShownWhole() throws Exception {
            String name = "Очень длинное имя файла ".repeat(15) + ".txt";
            Task task = task(Fixtures.file(name, unique("длинное"), "text/plain"));

            String page = fetch(contact, "/tasks/" + task.getNumber()).getContentAsString(StandardCharsets.UTF_8);

            assertThat(only(task).getFileName()).hasSize(255).isEqualTo(name.substring(0, 255));
            assertThat(page).contains(only(task).getFileName());
        }

        @Test
        void markupInANameIsEscapedOnTheTaskPage() throws Exception {
            Task task = task(Fixtures.file("<img src=x onerror=alert(1)>.png", png(5, 5), "image/png"));

            String page = fetch(contact, "/tasks/" + task.getNumber()).getContentAsString(StandardCharsets.UTF_8);

            assertThat(page).contains("&lt;img src=x onerror=alert(1)&gt;.png").doesNotContain("<img src=x");
        }

        @Test
        void zeroByteFileIsStoredAndServedAsEmptyEverywhere() throws Exception {
            Task task = task(Fixtures.file("пустой.txt", new byte[0], "text/plain"),
                    Fixtures.file("второй.txt", unique("не пустой"), "text/plain"));
            Attachment empty = attachments.ofTask(task.getId()).get(0);

            MockHttpServletResponse download = fetch(contact, url(task, empty));
            String page = fetch(contact, url(task, empty) + "/view").getContentAsString(StandardCharsets.UTF_8);
            Map<String, byte[]> zip = unzip(fetch(contact, "/tasks/" + task.getNumber() + "/description/files.zip")
                    .getContentAsByteArray());

            assertThat(empty.getSizeBytes()).isZero();
            assertThat(download.getStatus()).isEqualTo(200);
            assertThat(download.getContentAsByteArray()).isEmpty();
            assertThat(page).contains("Файл пустой.");
            assertThat(zip.get("пустой.txt")).isEmpty();
        }
    }

    @Nested
    class Zips {

        @Test
        void allFilesOfAMessageArriveWithUtf8NamesTheFlagSetAndDuplicatesDistinct() throws Exception {
            Task task = fixtures.task(contact, category);
            byte[] first = unique("первый отчёт");
            byte[] second = unique("второй отчёт");
            byte[] third = unique("третий");
            Message message = fixtures.message(employee, task, "Отчёты", false,
                    Fixtures.file("Отчёт за март.txt", first, "text/plain"),
                    Fixtures.file("Отчёт за март.txt", second, "text/plain"),
                    Fixtures.file("отчёт за МАРТ.txt", third, "text/plain"),
                    Fixtures.file("Смета \"финал\".pdf", pdf(), "application/pdf"));

            MockHttpServletResponse response = fetch(contact, "/tasks/" + task.getNumber() + "/messages/"
                    + message.getId() + "/files.zip");
            byte[] zip = response.getContentAsByteArray();

            assertThat(response.getContentType()).isEqualTo("application/zip");
            assertThat(response.getHeader("Content-Disposition")).startsWith("attachment;");
            assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            List<String> names = new ArrayList<>();
            try (var in = new ZipArchiveInputStream(new ByteArrayInputStream(zip))) {
                for (ZipArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    assertThat(entry.getGeneralPurposeBit().usesUTF8ForNames()).as(entry.getName()).isTrue();
                    names.add(entry.getName());
                }
            }
            assertThat(names).containsExactly("Отчёт за март.txt", "Отчёт за март (2).txt", "отчёт за МАРТ (3).txt",
                    "Смета _финал_.pdf");
            Map<String, byte[]> contents = unzip(zip);
            assertThat(contents.get("Отчёт за март.txt")).isEqualTo(first);
            assertThat(contents.get("Отчёт за март (2).txt")).isEqualTo(second);
            assertThat(contents.get("отчёт за МАРТ (3).txt")).isEqualTo(third);
        }

        @Test
        void unzipListsTheCyrillicNames() throws Exception {
            Path unzip = Path.of("/usr/bin/unzip");
            org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(unzip), "unzip is not installed");
            Task task = fixtures.task(contact, category);
            Message message = fixtures.message(employee, task, "Архив", false,
                    Fixtures.file("Договор поставки.docx", unique("docx"), "application/octet-stream"),
                    Fixtures.file("Фото склада.jpg", unique("jpg"), "image/jpeg"));
            Path archive = Files.createTempFile("easydesk-", ".zip");
            try {
                Files.write(archive, fetch(contact, "/tasks/" + task.getNumber() + "/messages/" + message.getId()
                        + "/files.zip").getContentAsByteArray());

                var command = new ProcessBuilder(unzip.toString(), "-l", archive.toString()).redirectErrorStream(true);
                command.environment().put("LC_ALL", "C.UTF-8");
                Process listing = command.start();
                String output = new String(listing.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

                assertThat(listing.waitFor()).as(output).isZero();
                assertThat(output).contains("Договор поставки.docx", "Фото склада.jpg");
            } finally {
                Files.deleteIfExists(archive);
            }
        }
    }

    @Nested
    class Storage {

        @Test
        void sameContentIsStoredOnceHoweverOftenItIsAttached() {
            byte[] content = unique("одинаковое содержимое");
            Task first = task(Fixtures.file("a.txt", content, "text/plain"));
            Task second = task(Fixtures.file("b.txt", content, "text/plain"));
            String sha = only(first).getSha256();

            assertThat(only(second).getSha256()).isEqualTo(sha);
            assertThat(jdbc.queryForObject("select count(*) from stored_file where sha256 = :sha",
                    Map.of("sha", sha), Long.class)).isEqualTo(1);
            assertThat(stored(sha)).exists().hasBinaryContent(content);
        }

        @Test
        void copiesForANewTaskShareTheContent() {
            Task original = task(Fixtures.file("схема.txt", unique("схема"), "text/plain"));
            Task copy = fixtures.task(contact, category);

            List<Attachment> originals = attachments.ofTask(original.getId());

            List<Attachment> copies = attachments.attachCopies(copy.getId(), null, originals);

            assertThat(copies).singleElement().satisfies(file -> {
                assertThat(file.getSha256()).isEqualTo(only(original).getSha256());
                assertThat(file.getFileName()).isEqualTo("схема.txt");
                assertThat(file.getTaskId()).isEqualTo(copy.getId());
            });
        }

        @Test
        void lostContentGivesAClearPageEverywhere() throws Exception {
            Task task = task(Fixtures.file("потерянный.txt", unique("пропадёт"), "text/plain"),
                    Fixtures.file("второй.txt", unique("останется"), "text/plain"));
            Attachment lost = attachments.ofTask(task.getId()).get(0);
            Files.delete(stored(lost.getSha256()));

            for (String path : List.of(url(task, lost), url(task, lost) + "/view", url(task, lost) + "/content",
                    "/tasks/" + task.getNumber() + "/description/files.zip")) {
                MockHttpServletResponse response = fetch(contact, path);

                assertThat(response.getStatus()).as(path).isEqualTo(410);
                assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(path).contains("Файл недоступен");
            }
        }
    }

    @Nested
    class Thumbnails {

        @Test
        void imageGetsAThumbnailInTheBackgroundOnce() throws Exception {
            Task task = task(Fixtures.file("большое фото.jpg", jpeg(1600, 1200), "image/jpeg"));
            String url = url(task, only(task)) + "/thumbnail";

            MockHttpServletResponse thumbnail = await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> fetch(contact, url), response -> response.getStatus() == 200);

            BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumbnail.getContentAsByteArray()));
            assertThat(thumbnail.getContentType()).isEqualTo("image/jpeg");
            assertThat(thumbnail.getContentLengthLong()).isEqualTo(thumbnail.getContentAsByteArray().length);
            assertThat(small.getWidth()).isEqualTo(320);
            assertThat(small.getHeight()).isEqualTo(240);
            assertThat(thumbnail.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");

            Task again = task(Fixtures.file("то же фото.jpg", image(task), "image/jpeg"));
            assertThat(fetch(contact, url(again, only(again)) + "/thumbnail").getStatus()).isEqualTo(200);
            assertThat(jdbc.queryForObject("select count(*) from thumbnail where sha256 = :sha",
                    Map.of("sha", only(task).getSha256()), Long.class)).isEqualTo(1);
        }

        @Test
        void photoTakenSidewaysGetsAnUprightThumbnail() throws Exception {
            Task task = task(Fixtures.file("с телефона.jpg", withOrientation(jpeg(800, 400), 6), "image/jpeg"));
            String url = url(task, only(task)) + "/thumbnail";

            MockHttpServletResponse thumbnail = await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> fetch(contact, url), response -> response.getStatus() == 200);

            BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumbnail.getContentAsByteArray()));
            assertThat(small.getWidth()).isEqualTo(160);
            assertThat(small.getHeight()).isEqualTo(320);
        }

        @Test
        void brokenImageGetsNoThumbnailAndThePageShowsAnIcon() throws Exception {
            byte[] broken = new byte[600];
            byte[] header = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
            System.arraycopy(header, 0, broken, 0, header.length);
            byte[] noise = unique("не картинка");
            System.arraycopy(noise, 0, broken, 16, noise.length);
            Task task = task(Fixtures.file("битое.png", broken, "image/png"));
            String url = url(task, only(task)) + "/thumbnail";

            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .until(() -> fetch(contact, url).getStatus() == 404);
            String page = fetch(contact, "/tasks/" + task.getNumber()).getContentAsString(StandardCharsets.UTF_8);

            assertThat(only(task).getKind()).isEqualTo(FileKind.IMAGE);
            assertThat(page).contains("битое.png").doesNotContain(url);
        }

        @Test
        void otherFilesHaveNoThumbnail() throws Exception {
            Task task = task(Fixtures.file("readme.txt", unique("текст"), "text/plain"));

            assertThat(fetch(contact, url(task, only(task)) + "/thumbnail").getStatus()).isEqualTo(404);
        }
    }

    private Attachment attachOne(String name, byte[] content, String claimedType) {
        return only(task(Fixtures.file(name, content, claimedType)));
    }

    private Task task(MultipartFile... files) {
        return fixtures.task(contact, category, files);
    }

    private Attachment only(Task task) {
        return attachments.ofTask(task.getId()).get(0);
    }

    private byte[] image(Task task) throws IOException {
        return Files.readAllBytes(stored(only(task).getSha256()));
    }

    private MockHttpServletResponse fetch(Person viewer, String url) throws Exception {
        return mvc.perform(get(url).with(fixtures.as(viewer))).andReturn().getResponse();
    }

    private static String url(Task task, Attachment file) {
        return "/tasks/" + task.getNumber() + "/files/" + file.getId();
    }

    private static Path stored(String sha256) {
        return STORE.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (var in = new ZipArchiveInputStream(new ByteArrayInputStream(zip))) {
            for (ZipArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    /** Text made unique per call, so tests never share stored content they change. */
    static byte[] unique(String text) {
        return (text + "\n" + UUID.randomUUID() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] png(int width, int height) {
        return encode(picture(width, height), "png");
    }

    static byte[] jpeg(int width, int height) {
        return encode(picture(width, height), "jpeg");
    }

    /** The JPEG with an EXIF block saying how to turn it (6: a quarter turn clockwise), as phones write it. */
    static byte[] withOrientation(byte[] jpeg, int orientation) {
        byte[] exif = { 'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1,
            0, (byte) orientation, 0, 0, 0, 0, 0, 0 };
        var out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write((exif.length + 2) >> 8);
        out.write((exif.length + 2) & 0xff);
        out.write(exif, 0, exif.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** The start of an MP4 file (an ISO media "ftyp" box), then filler. */
    static byte[] mp4(int size) {
        byte[] video = new byte[size];
        byte[] box = { 0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm',
            'p', '4', '1' };
        System.arraycopy(box, 0, video, 0, box.length);
        for (int i = box.length; i < size; i++) {
            video[i] = (byte) ThreadLocalRandom.current().nextInt(256);
        }
        return video;
    }

    /** A one-page PDF that viewers open, made unique by a comment. */
    static byte[] pdf() {
        String text = "BT /F1 24 Tf 40 100 Td (EasyDesk PDF) Tj ET";
        String[] objects = { "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R "
                    + "/Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + text.length() + " >>\nstream\n" + text + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>" };
        var pdf = new StringBuilder("%PDF-1.4\n%" + UUID.randomUUID() + "\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.length; i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(offset -> pdf.append(String.format("%010d 00000 n \n", offset)));
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static BufferedImage picture(int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(ThreadLocalRandom.current().nextInt(0xffffff)));
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(Color.WHITE);
        graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
        graphics.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            var bytes = new ByteArrayOutputStream();
            ImageIO.write(image, format, bytes);
            return bytes.toByteArray();
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
