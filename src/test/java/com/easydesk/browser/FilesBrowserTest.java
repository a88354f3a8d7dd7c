package com.easydesk.browser;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.easydesk.category.Category;
import com.easydesk.person.Person;
import com.easydesk.person.Role;
import com.easydesk.support.Browser;
import com.easydesk.support.Fixtures;
import com.easydesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attachments in a real headless Chromium: picking, dropping and removing files before sending, the size
 * check before anything is sent, a progress bar per file on a slowed-down connection, the chosen files
 * surviving a form error, thumbnails, an image and a PDF shown inline, and the zip of a message. Screenshots
 * go to {@code target/screenshots} (files-*) for people to look at.
 */
@IntegrationTest
class FilesBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    Person contact;
    Category category;

    Browser browser;
    Path scratch;
    Path downloads;
    ChromeDriver driver;
    WebDriverWait wait;

    @BeforeEach
    void setUp() throws IOException {
        Person employee = fixtures.staff(Role.EMPLOYEE);
        category = fixtures.category(employee);
        contact = fixtures.contact(fixtures.client());

        browser = new Browser(port, "files");
        scratch = browser.scratch();
        downloads = Files.createDirectories(scratch.resolve("downloads"));
        driver = browser.driver();
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", downloads.toAbsolutePath().toString()));
        // Uploads on a throttled connection take longer than the shared helper's wait.
        wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void tearDown() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void clientAttachesViewsAndZipsFiles() throws IOException {
        Path photo = write("Фото счётчика.png", png(1200, 800));
        Path contract = write("Договор №7.pdf", pdf());
        Path notes = write("заметки.txt", "Не отправлять".getBytes(StandardCharsets.UTF_8));
        Path huge = write("видео целиком.mov", new byte[4 * 1024 * 1024]);

        signIn(contact);
        long number = newTaskKeepingFilesAfterAnError(photo, notes);

        // Reply with a dropped file and a picked one; the oversized one is refused before sending.
        driver.findElement(By.id("reply-files")).sendKeys(contract + "\n" + huge);
        assertThat(driver.findElement(By.cssSelector("#reply-form .upload-error")).getText())
                .contains("«видео целиком.mov» больше 3,0 МБ");
        dropFile("#reply-form", "перетащенный.txt", "Текст из перетаскивания");
        assertThat(uploadNames("#reply-form")).containsExactly("Договор №7.pdf", "перетащенный.txt");
        driver.findElement(By.id("body")).sendKeys("Договор и заметка");
        screenshot("reply-files-chosen");

        driver.findElement(By.id("send-reply")).click();
        WebElement message = wait.until(page -> page.findElements(By.cssSelector("#conversation .message"))
                .stream().filter(m -> m.getText().contains("Договор и заметка")).findFirst().orElse(null));
        assertThat(texts(message.findElements(By.className("file-name"))))
                .containsExactly("Договор №7.pdf", "перетащенный.txt");

        zipOfTheMessageHoldsBothFiles(message);
        thumbnailOpensTheImageFullSize(number);
        pdfOpensInTheBrowsersViewer(number);
    }

    @Test
    void progressBarsFillWhileTheFormUploads() throws IOException {
        byte[] big = new byte[2 * 1024 * 1024];
        ThreadLocalRandom.current().nextBytes(big);
        Path archive = write("архив.bin", big);
        Path small = write("маленький.txt", "мало".getBytes(StandardCharsets.UTF_8));
        signIn(contact);
        driver.get(url("/tasks/new"));
        fillNewTask("Медленная загрузка");
        driver.findElement(By.id("files")).sendKeys(archive + "\n" + small);

        // About half a megabyte a second: the two megabytes take long enough to watch the bars move.
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 20,
                "downloadThroughput", -1, "uploadThroughput", 512 * 1024));
        submit("create-task");

        List<WebElement> bars = wait.until(page -> {
            List<WebElement> visible = page.findElements(By.cssSelector("#new-task-form .upload-item .progress"))
                    .stream().filter(WebElement::isDisplayed).toList();
            return visible.size() == 2 && percent(visible.get(0)) > 0 && percent(visible.get(0)) < 100
                    ? visible : null;
        });
        assertThat(percent(bars.get(1))).isLessThan(100);
        screenshot("upload-progress");

        wait.until(ExpectedConditions.urlMatches("/tasks/\\d+$"));
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
        assertThat(texts(driver.findElements(By.cssSelector("#task-page .card .file-name"))))
                .containsExactly("архив.bin", "маленький.txt");
    }

    /**
     * Should a file over the limit reach the server anyway (the limit lowered after the page was loaded),
     * the refusal is explained next to the field and nothing is posted.
     */
    @Test
    void serverRefusalIsExplainedNextToTheField() throws IOException {
        Path huge = write("выгрузка.csv", new byte[4 * 1024 * 1024]);
        long number = fixtures.task(contact, category).getNumber();
        signIn(contact);
        driver.get(url("/tasks/" + number));
        driver.executeScript("document.getElementById('reply-files').dataset.maxBytes = '999999999';");

        driver.findElement(By.id("reply-files")).sendKeys(huge.toString());
        driver.findElement(By.id("body")).sendKeys("Большая выгрузка");
        submit("send-reply");

        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#reply-form .upload-error")));
        assertThat(error.getText()).isEqualTo("Сервер не принял файл больше 3,0 МБ. Ничего не сохранено, "
                + "попробуйте без него.");
        assertThat(driver.findElement(By.id("htmx-error")).getText()).contains("Сервер не принял файл");
        assertThat(uploadNames("#reply-form")).containsExactly("выгрузка.csv");
        screenshot("server-refused-upload");
        driver.navigate().refresh();
        assertThat(driver.findElements(By.cssSelector("#conversation .message"))).isEmpty();
    }

    /** A form error returns the form; the files stay listed and go with the corrected form. */
    private long newTaskKeepingFilesAfterAnError(Path photo, Path notes) {
        driver.get(url("/tasks/new"));
        driver.findElement(By.id("files")).sendKeys(photo + "\n" + notes);
        assertThat(uploadNames("#new-task-form")).containsExactly("Фото счётчика.png", "заметки.txt");
        removeUpload("#new-task-form", "заметки.txt");
        assertThat(uploadNames("#new-task-form")).containsExactly("Фото счётчика.png");
        new Select(driver.findElement(By.id("categoryId"))).selectByValue(String.valueOf(category.getId()));
        submit("create-task");

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#title.is-invalid")));
        assertThat(uploadNames("#new-task-form")).containsExactly("Фото счётчика.png");
        screenshot("new-task-error-keeps-files");
        phoneScreenshot("new-task-error-keeps-files-phone");
        String sizeBeforeSending = driver.findElement(By.cssSelector("#new-task-form .upload-size")).getText();
        driver.findElement(By.id("title")).sendKeys("Показания счётчика");
        submit("create-task");

        wait.until(ExpectedConditions.urlMatches("/tasks/\\d+$"));
        assertThat(texts(driver.findElements(By.cssSelector("#task-page .card .file-name"))))
                .containsExactly("Фото счётчика.png");
        assertThat(driver.findElement(By.cssSelector("#task-page .card .file-size")).getText())
                .isEqualTo(sizeBeforeSending);
        return Long.parseLong(driver.getCurrentUrl().replaceAll(".*/tasks/", ""));
    }

    private void zipOfTheMessageHoldsBothFiles(WebElement message) throws IOException {
        message.findElement(By.cssSelector(".files-zip a")).click();
        // Chromium reserves the final name with an empty file and writes into a .crdownload beside it, renamed
        // over the empty one at the end: the zip is there once no .crdownload is left and it has content.
        Path zip = wait.until(page -> {
            try (Stream<Path> files = Files.list(downloads)) {
                List<Path> listed = files.toList();
                if (listed.stream().anyMatch(file -> file.toString().endsWith(".crdownload"))) {
                    return null;
                }
                return listed.stream().filter(file -> file.toString().endsWith(".zip"))
                        .filter(file -> file.toFile().length() > 0).findFirst().orElse(null);
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        });
        List<String> names = new ArrayList<>();
        try (InputStream in = Files.newInputStream(zip); var entries = new ZipArchiveInputStream(in)) {
            for (ZipArchiveEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        assertThat(names).containsExactly("Договор №7.pdf", "перетащенный.txt");
    }

    private void thumbnailOpensTheImageFullSize(long number) {
        driver.get(url("/tasks/" + number));
        WebElement thumbnail = wait.until(page -> page.findElements(By.cssSelector("#task-page img.file-thumb"))
                .stream().filter(this::loaded).findFirst().orElse(null));
        assertThat(thumbnail.getDomAttribute("src")).matches("/tasks/" + number + "/files/\\d+/thumbnail.*");
        screenshot("task-with-thumbnail");
        phoneScreenshot("task-with-thumbnail-phone");

        thumbnail.click();
        wait.until(ExpectedConditions.urlMatches("/files/\\d+/view$"));
        WebElement image = wait.until(page -> {
            WebElement shown = page.findElement(By.id("file-image"));
            return loaded(shown) ? shown : null;
        });
        assertThat(driver.executeScript("return arguments[0].naturalWidth;", image)).isEqualTo(1200L);
        assertThat(driver.findElement(By.id("file-name")).getText()).isEqualTo("Фото счётчика.png");
        screenshot("image-view");
        phoneScreenshot("image-view-phone");
    }

    /**
     * Chrome's PDF viewer draws pages white on grey; its insides are not in the page's DOM, so the test looks
     * at the pixels: a white page inside the frame (and in the tab of its own) means the PDF was rendered
     * there, despite the sandbox policy it is served with.
     */
    private void pdfOpensInTheBrowsersViewer(long number) {
        driver.get(url("/tasks/" + number));
        driver.findElements(By.cssSelector("#conversation a.file-chip")).stream()
                .filter(chip -> chip.getText().contains("Договор №7.pdf")).findFirst().orElseThrow().click();
        wait.until(ExpectedConditions.urlMatches("/files/\\d+/view$"));
        WebElement frame = driver.findElement(By.id("file-pdf"));
        wait.until(page -> whitePixels(frame) > 20_000);
        screenshot("pdf-view");

        driver.get(url(frame.getDomAttribute("src")));
        wait.until(page -> "application/pdf".equals(driver.executeScript("return document.contentType;")));
        wait.until(page -> whitePixels(null) > 20_000);
        screenshot("pdf-content");
    }

    /** White pixels on the screen inside the element (or the whole viewport). */
    private int whitePixels(WebElement element) {
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
        BufferedImage screen;
        try {
            screen = ImageIO.read(new ByteArrayInputStream(
                    Base64.getDecoder().decode((String) shot.get("data"))));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        int left = 0;
        int top = 0;
        int width = screen.getWidth();
        int height = screen.getHeight();
        if (element != null) {
            @SuppressWarnings("unchecked")
            Map<String, Number> box = (Map<String, Number>) driver.executeScript(
                    "var r = arguments[0].getBoundingClientRect();"
                    + "return {x: r.x, y: r.y, width: r.width, height: r.height};", element);
            left = Math.max(0, box.get("x").intValue());
            top = Math.max(0, box.get("y").intValue());
            width = Math.min(screen.getWidth() - left, box.get("width").intValue());
            height = Math.min(screen.getHeight() - top, box.get("height").intValue());
        }
        int white = 0;
        for (int y = top; y < top + height; y++) {
            for (int x = left; x < left + width; x++) {
                if ((screen.getRGB(x, y) & 0xffffff) == 0xffffff) {
                    white++;
                }
            }
        }
        return white;
    }

    private void dropFile(String formSelector, String name, String text) {
        driver.executeScript("var transfer = new DataTransfer();"
                + "transfer.items.add(new File([arguments[2]], arguments[1], {type: 'text/plain'}));"
                + "var target = document.querySelector(arguments[0]);"
                + "['dragenter', 'dragover', 'drop'].forEach(function (type) {"
                + "  target.dispatchEvent(new DragEvent(type, {dataTransfer: transfer, bubbles: true,"
                + "    cancelable: true}));"
                + "});", formSelector, name, text);
    }

    private List<String> uploadNames(String formSelector) {
        return texts(driver.findElements(By.cssSelector(formSelector + " .upload-item .upload-name")));
    }

    private void removeUpload(String formSelector, String name) {
        driver.findElements(By.cssSelector(formSelector + " .upload-item")).stream()
                .filter(item -> item.findElement(By.className("upload-name")).getText().equals(name))
                .findFirst().orElseThrow().findElement(By.className("upload-remove")).click();
    }

    private void fillNewTask(String title) {
        driver.findElement(By.id("title")).sendKeys(title);
        new Select(driver.findElement(By.id("categoryId"))).selectByValue(String.valueOf(category.getId()));
    }

    private void submit(String buttonId) {
        WebElement button = driver.findElement(By.id(buttonId));
        // Bootstrap scrolls smoothly; a click aimed while the page still moves lands elsewhere.
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", button);
        button.click();
    }

    private boolean loaded(WebElement image) {
        return Boolean.TRUE.equals(driver.executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0;", image));
    }

    private static int percent(WebElement progress) {
        String value = progress.getDomAttribute("aria-valuenow");
        return value == null ? 0 : Integer.parseInt(value);
    }

    private void signIn(Person person) {
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(person.getEmail());
        driver.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        driver.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(WebElement::getText).toList();
    }

    private Path write(String name, byte[] content) throws IOException {
        Path directory = Files.createDirectories(scratch.resolve("uploads"));
        return Files.write(directory.resolve(name), content);
    }

    private static byte[] png(int width, int height) throws IOException {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(0x2a6f97));
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(new Color(ThreadLocalRandom.current().nextInt(0xffffff)));
        graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
        graphics.dispose();
        var bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    private static byte[] pdf() {
        String text = "BT /F1 24 Tf 40 100 Td (EasyDesk) Tj ET";
        String[] objects = { "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R "
                    + "/Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + text.length() + " >>\nstream\n" + text + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>" };
        var pdf = new StringBuilder("%PDF-1.4\n%" + ThreadLocalRandom.current().nextLong() + "\n");
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

    private void screenshot(String name) {
        browser.screenshot(name);
    }

    private void phoneScreenshot(String name) {
        browser.phoneScreenshot(name);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
