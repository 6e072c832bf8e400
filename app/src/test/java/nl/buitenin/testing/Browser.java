package nl.buitenin.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.events.EventFiringDecorator;

/**
 * Debian's Chromium, driven headless by Debian's chromedriver. Tests skip when Chromium is not
 * installed, unless {@code BUITENIN_REQUIRE_BROWSER=true} (as in CI), where its absence fails them.
 * A click that leaves the page waits until the next page has replaced it ({@link WaitForNavigation}).
 */
public final class Browser {

    public static final File CHROMIUM = new File("/usr/bin/chromium");
    public static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Browser() {
    }

    /**
     * Signs a user in through the sign-in page and then chooses Dutch: the language is kept with the account, and
     * other tests sign the same demo users in and switch them to English.
     */
    public static void signInInDutch(WebDriver driver, String baseUrl, String username, String password) {
        driver.get(baseUrl + "/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit].primary")).click();
        driver.findElement(By.cssSelector("form.lang button[value=nl]")).click();
    }

    public static WebDriver start(int width, int height) {
        return decorate(chrome(width, height));
    }

    /**
     * A phone of the given width: headless Chromium keeps its window at least 500 px wide (so {@code start(390, 844)}
     * shows pages 500 px wide), so the screen is emulated through the DevTools protocol, as a mobile browser with the
     * page's viewport meta tag; {@code window.innerWidth} is then {@code width}.
     */
    public static WebDriver phone(int width, int height) {
        ChromeDriver chrome = chrome(Math.max(width, 500), height);
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
        return decorate(chrome);
    }

    private static WebDriver decorate(ChromeDriver chrome) {
        WaitForNavigation navigation = new WaitForNavigation();
        WebDriver driver = new EventFiringDecorator<WebDriver>(navigation).decorate(chrome);
        navigation.watch(driver);
        return driver;
    }

    private static ChromeDriver chrome(int width, int height) {
        boolean present = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (!present && "true".equalsIgnoreCase(System.getenv("BUITENIN_REQUIRE_BROWSER"))) {
            throw new IllegalStateException("BUITENIN_REQUIRE_BROWSER=true but /usr/bin/chromium or /usr/bin/chromedriver is missing");
        }
        Assumptions.assumeTrue(present, "Chromium is not installed (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        try {
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--window-size=" + width + "," + height,
                    "--user-data-dir=" + Files.createTempDirectory("buitenin-chromium").toAbsolutePath());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return chrome;
    }

    public static Path screenshot(WebDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return target;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
