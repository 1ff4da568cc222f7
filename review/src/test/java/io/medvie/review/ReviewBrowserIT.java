package io.medvie.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.medvie.events.Correction;
import io.medvie.events.ReviewRole;
import io.medvie.events.ReviewTask;
import io.medvie.events.VerifiedSample;
import io.medvie.schemas.Topics;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reviewer in a real Chromium: signs in, opens the top task, sees the page and the boxes,
 * corrects values with the keyboard alone, submits, and the verified sample is on the topic.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewBrowserIT {
    private static final Logger log = LoggerFactory.getLogger(ReviewBrowserIT.class);
    private static final String PASSWORD = "correct horse 1";
    private static final Path SCREENSHOT = Path.of("..", "docs", "review-task-view.png");

    private TestPlatform platform;
    private ReviewService service;
    private WebDriver driver;
    private ReviewTask top;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        platform = new TestPlatform(dir);
        Instant now = Instant.now();
        top = SampleTasks.png(platform.blobs, "t-1", 0.41, now.minusSeconds(300));
        platform.publish(List.of(top, SampleTasks.png(platform.blobs, "t-2", 0.60, now)));
        service =
                ReviewService.start(
                        platform.config(
                                Map.of(
                                        ReviewConfig.BOOTSTRAP_ADMIN,
                                        "admin",
                                        ReviewConfig.BOOTSTRAP_ADMIN_PASSWORD,
                                        PASSWORD)));
        service.store().saveAccount("rita", ReviewRole.REVIEWER, PASSWORD, "admin");
        while (service.store().board().size() < 2) {
            Thread.sleep(50);
        }
        driver = chromium(dir.resolve("chromium-profile"));
    }

    /** Debian's Chromium and driver, given by path so that Selenium Manager downloads nothing. */
    static WebDriver chromium(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=1600,1000");
        ChromeDriverService driverService =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                        .usingAnyFreePort()
                        .build();
        return new ChromeDriver(driverService, options);
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aReviewerCorrectsTheTopTaskWithTheKeyboardAndTheSampleIsOnTheTopic() throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        JavascriptExecutor js = (JavascriptExecutor) driver;

        // Not signed in: the queue sends us to the login form.
        driver.get(service.url() + "/");
        wait.until(d -> d.getCurrentUrl().contains("/login"));
        driver.findElement(By.id("username")).sendKeys("rita");
        driver.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
        wait.until(d -> d.findElement(By.id("count-open")).getText().equals("2"));

        // Enter on the queue claims the top task and opens it.
        long opening = System.nanoTime();
        keys("", Keys.ENTER);
        wait.until(d -> d.getCurrentUrl().endsWith("/tasks/t-1"));
        wait.until(d -> "true".equals(attr(d, "ready")) && attr(d, "boxes") != null);
        long openMs = (System.nanoTime() - opening) / 1_000_000;
        log.info("Claim and task view with image and boxes in {} ms", openMs);

        // The page image is there, and every field's box is drawn on it.
        Long imageWidth =
                (Long)
                        js.executeScript(
                                "const i = document.getElementById('page-image');"
                                        + " return i.complete ? i.naturalWidth : 0;");
        assertThat(imageWidth).isEqualTo(1240L);
        long withBoxes = top.getFields().stream().filter(f -> f.getBox() != null).count();
        List<WebElement> boxes = driver.findElements(By.cssSelector("#boxes rect.box"));
        assertThat(boxes).hasSize((int) withBoxes);
        WebElement wbcBox = driver.findElement(By.cssSelector("rect[data-path='tests[1].value']"));
        assertThat(wbcBox.getSize().getWidth()).isPositive();
        assertThat(wbcBox.getDomAttribute("class")).contains("uncertain");
        // Uncertain fields are marked with their reason and confidence.
        assertThat(driver.findElement(By.id("tests")).getText())
                .contains("LOW_CONFIDENCE")
                .contains("41%");

        // The first uncertain field is selected: the missing report id. Add it.
        assertThat(attr(driver, "selected")).isEqualTo("report.report_id");
        keys("e", "LR-1", Keys.ENTER);
        // Next uncertain: the misread WBC value; its box lights up with it.
        keys("u");
        assertThat(attr(driver, "selected")).isEqualTo("tests[1].value");
        assertThat(wbcBox.getDomAttribute("class")).contains("selected");
        keys("e", "7.9", Keys.ENTER);
        // A row the model missed, after the WBC row.
        keys("k", "+", "Creatinine", Keys.ENTER, "e", "71", Keys.ENTER);
        // A row added by mistake, and removed again.
        keys("+", "Mistake", Keys.ENTER, "-");
        // Selecting a box selects its field.
        driver.findElement(By.cssSelector("rect[data-path='patient.name']")).click();
        assertThat(attr(driver, "selected")).isEqualTo("patient.name");
        keys("a");
        // Back to the WBC value, to show it selected in the screenshot.
        wbcBox.click();
        assertThat(attr(driver, "selected")).isEqualTo("tests[1].value");
        saveScreenshot();

        new Actions(driver)
                .keyDown(Keys.CONTROL)
                .sendKeys(Keys.ENTER)
                .keyUp(Keys.CONTROL)
                .perform();
        // After a submit the next task opens.
        wait.withMessage(() -> "status: " + driver.findElement(By.id("status")).getText())
                .until(d -> d.getCurrentUrl().endsWith("/tasks/t-2"));

        VerifiedSample sample =
                platform.readAll(Topics.VERIFIED_SAMPLES, VerifiedSample.class).stream()
                        .filter(s -> "t-1".equals(s.getTaskId()))
                        .findFirst()
                        .orElseThrow();
        assertThat(sample.getReviewer()).isEqualTo("rita");
        assertThat(sample.getCorrections())
                .extracting(
                        Correction::getPath,
                        Correction::getModelValue,
                        Correction::getVerifiedValue)
                .containsExactlyInAnyOrder(
                        Tuple.tuple("report.report_id", null, "LR-1"),
                        Tuple.tuple("tests[1].value", SampleTasks.MODEL_WBC, "7.9"),
                        Tuple.tuple("tests[2].name", null, "Creatinine"),
                        Tuple.tuple("tests[2].value", null, "71"));
        JsonNode verified = new ObjectMapper().readTree(sample.getVerifiedDocument());
        assertThat(verified.get("tests")).hasSize(5);
        assertThat(sample.getVerifiedDocument()).doesNotContain("Mistake");
        assertThat(verified.get("tests").get(3).get("name").asText()).isEqualTo("Platelets");
        assertThat(verified.get("patient").get("name").asText()).isEqualTo("Jane Roe");

        // A reviewer is turned away from the admin page; the admin sees the throughput.
        driver.get(service.url() + "/admin");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
        driver.get(service.url() + "/");
        driver.findElement(By.cssSelector("form[action='/logout'] button")).click();
        wait.until(d -> d.getCurrentUrl().contains("/login"));
        driver.get(service.url() + "/admin");
        wait.until(d -> d.getCurrentUrl().contains("/login?next=%2Fadmin"));
        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
        wait.until(d -> d.findElement(By.id("done-total")).getText().equals("1"));
        assertThat(driver.findElement(By.id("fields")).getText())
                .contains("tests[].value")
                .contains("report.report_id");
        assertThat(driver.findElement(By.id("accounts")).getText()).contains("rita");

        // The admin disables rita from the accounts table (no button on the admin's own row).
        WebElement ritaRow =
                driver.findElement(By.xpath("//table[@id='accounts']//tr[td[1]='rita']"));
        WebElement adminRow =
                driver.findElement(By.xpath("//table[@id='accounts']//tr[td[1]='admin']"));
        assertThat(adminRow.findElements(By.tagName("button"))).isEmpty();
        ritaRow.findElement(By.tagName("button")).click();
        wait.until(
                d ->
                        d.findElement(By.xpath("//table[@id='accounts']//tr[td[1]='rita']"))
                                .getText()
                                .contains("disabled"));
        assertThat(service.store().accounts().get("rita").orElseThrow().getDisabled()).isTrue();
    }

    private static String attr(WebDriver d, String name) {
        return d.findElement(By.tagName("body")).getDomAttribute("data-" + name);
    }

    /** Keys to whatever has the focus, as a person at the keyboard would type them. */
    private void keys(CharSequence... keys) {
        Actions actions = new Actions(driver);
        for (CharSequence k : keys) {
            if (k.length() > 0) {
                actions.sendKeys(k);
            }
        }
        actions.perform();
    }

    private void saveScreenshot() throws Exception {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = SCREENSHOT.toAbsolutePath().normalize();
        if (Files.isDirectory(target.getParent())) {
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            log.info("Task view screenshot saved to {}", target);
        }
        assertThat(Files.size(shot.toPath())).isGreaterThan(10_000);
    }
}
