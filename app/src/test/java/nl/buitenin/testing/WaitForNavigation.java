package nl.buitenin.testing;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.events.WebDriverListener;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * WebDriver's click returns before the page it leads to has loaded, so a test that looks for an element
 * of the next page may find it on the old one and then hold a stale reference. After a click on a link or
 * a submit button that leaves the page (not htmx, not a new window), this waits until the old page is gone.
 */
final class WaitForNavigation implements WebDriverListener {

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

    private WebDriver driver;
    private WebElement page;

    void watch(WebDriver decorated) {
        this.driver = decorated;
    }

    @Override
    public void beforeClick(WebElement element) {
        page = null;
        if (driver != null && Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(LEAVES_PAGE, element))) {
            page = driver.findElement(By.tagName("html"));
        }
    }

    @Override
    public void afterClick(WebElement element) {
        if (page == null) {
            return;
        }
        WebElement left = page;
        page = null;
        try {
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(left));
        } catch (TimeoutException e) {
            // The click did not leave the page after all (a form the browser refused to send): the test goes on.
        }
    }
}
