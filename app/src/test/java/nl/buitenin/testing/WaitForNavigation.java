package nl.buitenin.testing;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.events.WebDriverListener;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * WebDriver's click returns before the page it leads to has loaded, so a test that looks for an element
 * of the next page may find it on the old one and then hold a stale reference. After a click on a link or
 * a submit button that leaves the page (not htmx, not a new window), this waits until the old page is gone;
 * after a click that starts an htmx request, until htmx has swapped and settled. (Public: the decorator calls
 * it by reflection.)
 */
public final class WaitForNavigation implements WebDriverListener {

    private static final String LEAVES_PAGE = """
            const e = arguments[0];
            const hx = el => !!el && [...el.attributes].some(a => a.name.startsWith('hx-') || a.name.startsWith('data-hx-'));
            if (e.tagName === 'A') {
              const href = e.getAttribute('href');
              return !!href && !href.startsWith('#') && !href.startsWith('javascript:') && e.target !== '_blank'
                  && !e.hasAttribute('download') && !hx(e);
            }
            const submits = (e.tagName === 'BUTTON' && e.type === 'submit') || (e.tagName === 'INPUT' && (e.type === 'submit' || e.type === 'image'));
            if (!submits || !e.form) {
              return false;
            }
            return !hx(e) && !hx(e.form) && e.form.target !== '_blank' && e.getAttribute('formtarget') !== '_blank';
            """;

    private static final String HTMX = """
            const e = arguments[0];
            const hx = el => !!el && [...el.attributes].some(a => a.name.startsWith('hx-') || a.name.startsWith('data-hx-'));
            return hx(e) || hx(e.form);
            """;
    private static final String HTMX_BUSY = "return document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling') !== null";

    private WebDriver driver;
    private WebElement page;
    private boolean htmx;

    void watch(WebDriver decorated) {
        this.driver = decorated;
    }

    @Override
    public void beforeClick(WebElement element) {
        page = null;
        htmx = false;
        if (driver == null) {
            return;
        }
        JavascriptExecutor script = (JavascriptExecutor) driver;
        if (Boolean.TRUE.equals(script.executeScript(LEAVES_PAGE, element))) {
            page = driver.findElement(By.tagName("html"));
        } else {
            htmx = Boolean.TRUE.equals(script.executeScript(HTMX, element));
        }
    }

    private boolean dialogOpen() {
        try {
            driver.switchTo().alert();
            return true;
        } catch (NoAlertPresentException e) {
            return false;
        }
    }

    @Override
    public void afterClick(WebElement element) {
        if (htmx) {
            htmx = false;
            try {
                new WebDriverWait(driver, Duration.ofSeconds(15))
                        .until(d -> !Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(HTMX_BUSY)));
            } catch (TimeoutException e) {
                // htmx still busy after 15 s: the test's own waits and assertions take over.
            }
            return;
        }
        if (page == null) {
            return;
        }
        WebElement left = page;
        page = null;
        if (dialogOpen()) {
            // A confirm() asks first; any other command now would dismiss it. The test answers it.
            return;
        }
        try {
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(left));
        } catch (TimeoutException e) {
            // The click did not leave the page after all (a form the browser refused to send): the test goes on.
        }
    }
}
