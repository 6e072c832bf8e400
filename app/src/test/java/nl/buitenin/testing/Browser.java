package nl.buitenin.testing;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.decorators.Decorated;
import org.openqa.selenium.support.events.EventFiringDecorator;

/**
 * Debian's Chromium, driven headless by Debian's chromedriver. Tests skip when Chromium is not
 * installed, unless {@code BUITENIN_REQUIRE_BROWSER=true} (as in CI), where its absence fails them.
 * A click that leaves the page waits until the next page has replaced it ({@link WaitForNavigation}).
 * <p>
 * Starting Chromium takes about as long as a whole short test, so a test's {@code quit()} hands its browser back
 * instead of ending it: the next {@link #start} or {@link #phone} gets it with no cookies, no cache, one window, no
 * phone emulation and the size asked for, as a new one would be. The browsers left end with the JVM.
 */
public final class Browser {

    public static final File CHROMIUM = new File("/usr/bin/chromium");
    public static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /**
     * Screenshots are for the documentation and for a person looking at a test; no test reads them. Each costs a render
     * and a PNG on the build's two cores (about 300 in a full run), so CI switches them off with
     * {@code BUITENIN_SCREENSHOTS=false}; by default they are taken.
     */
    private static final boolean SCREENSHOTS_TAKEN = !"false".equalsIgnoreCase(System.getenv("BUITENIN_SCREENSHOTS"));

    /** At most this many idle browsers are kept; a test that uses more at once quits the extra ones. */
    private static final int KEPT = 3;
    private static final Deque<ChromeDriver> IDLE = new ArrayDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Browser::quitIdle, "quit-idle-browsers"));
    }

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
        ChromeDriver chrome = take(width, height);
        chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        return decorate(chrome);
    }

    /**
     * A phone of the given width: headless Chromium keeps its window at least 500 px wide (so {@code start(390, 844)}
     * shows pages 500 px wide), so the screen is emulated through the DevTools protocol, as a mobile browser with the
     * page's viewport meta tag; {@code window.innerWidth} is then {@code width}.
     */
    public static WebDriver phone(int width, int height) {
        ChromeDriver chrome = take(Math.max(width, 500), height);
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
        return decorate(chrome);
    }

    private static WebDriver decorate(ChromeDriver chrome) {
        WaitForNavigation navigation = new WaitForNavigation();
        WebDriver driver = new HandedBackOnQuit(navigation).decorate(chrome);
        navigation.watch(driver);
        return driver;
    }

    /** An idle browser made like new, or a new one. */
    private static ChromeDriver take(int width, int height) {
        while (true) {
            ChromeDriver idle;
            synchronized (IDLE) {
                idle = IDLE.poll();
            }
            if (idle == null) {
                return chrome(width, height);
            }
            try {
                reset(idle, width, height);
                return idle;
            } catch (WebDriverException gone) {
                quietlyQuit(idle);
            }
        }
    }

    private static void reset(ChromeDriver chrome, int width, int height) {
        try {
            chrome.switchTo().alert().dismiss();
        } catch (NoAlertPresentException none) {
            // the usual case
        }
        List<String> windows = new ArrayList<>(chrome.getWindowHandles());
        for (String extra : windows.subList(1, windows.size())) {
            chrome.switchTo().window(extra).close();
        }
        chrome.switchTo().window(windows.get(0));
        chrome.get("about:blank");
        chrome.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        chrome.executeCdpCommand("Network.clearBrowserCache", Map.of());
        chrome.manage().window().setSize(new Dimension(width, height));
    }

    private static void handBack(ChromeDriver chrome) {
        synchronized (IDLE) {
            if (IDLE.size() < KEPT && !IDLE.contains(chrome)) {
                IDLE.push(chrome);
                return;
            }
        }
        quietlyQuit(chrome);
    }

    private static void quitIdle() {
        synchronized (IDLE) {
            IDLE.forEach(Browser::quietlyQuit);
            IDLE.clear();
        }
    }

    private static void quietlyQuit(ChromeDriver chrome) {
        try {
            chrome.quit();
        } catch (WebDriverException e) {
            // already gone
        }
    }

    /** The events of {@link WaitForNavigation}, and {@code quit()} on the browser itself hands it back. */
    private static final class HandedBackOnQuit extends EventFiringDecorator<WebDriver> {

        HandedBackOnQuit(WaitForNavigation navigation) {
            super(navigation);
        }

        @Override
        public Object call(Decorated<?> target, Method method, Object[] args) throws Throwable {
            if ("quit".equals(method.getName()) && target.getOriginal() instanceof ChromeDriver chrome) {
                handBack(chrome);
                return null;
            }
            return super.call(target, method, args);
        }
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

    /**
     * The elements there now, without the implicit wait: for saying that something is absent from a page that has
     * loaded (a page load or an htmx swap is already waited for), where {@code findElements} would first wait out
     * the implicit wait for an element that will not come.
     */
    public static List<WebElement> foundNow(WebDriver driver, By by) {
        return foundNow(driver, driver, by);
    }

    /** {@link #foundNow(WebDriver, By)} inside an element. */
    public static List<WebElement> foundNow(WebDriver driver, SearchContext within, By by) {
        WebDriver.Timeouts timeouts = driver.manage().timeouts();
        Duration implicit = timeouts.getImplicitWaitTimeout();
        timeouts.implicitlyWait(Duration.ZERO);
        try {
            return within.findElements(by);
        } finally {
            timeouts.implicitlyWait(implicit);
        }
    }

    /** Writes {@code target/screenshots/<name>.png}, unless screenshots are switched off; returns that path either way. */
    public static Path screenshot(WebDriver driver, String name) {
        Path target = SCREENSHOTS.resolve(name + ".png");
        if (!SCREENSHOTS_TAKEN) {
            return target;
        }
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return target;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
