package nl.buitenin.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import nl.buitenin.testing.DatabaseTest;

/**
 * The scripts and style sheets a page links to are served, and the links are written as the templates give them: the
 * resource chain's link rewriting is off (it looked up every link of a page on the class path; see WebConfiguration),
 * while the version-less WebJar paths are still resolved when the browser asks for them.
 */
@DatabaseTest
@AutoConfigureMockMvc
class StaticFilesTest {

    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/(?:webjars|css|js)/[^\"]+)\"");

    @Autowired
    MockMvc mvc;

    @Test
    void aPagesScriptsAndStyleSheetsAreServedFromTheLinksAsWritten() throws Exception {
        String page = mvc.perform(get("/").with(user("anouk").roles("ANALYST"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<String> assets = new ArrayList<>();
        Matcher matcher = ASSET.matcher(page);
        while (matcher.find()) {
            assets.add(matcher.group(1));
        }
        assertThat(assets).contains("/webjars/htmx.org/dist/htmx.min.js", "/css/buitenin.css", "/js/buitenin.js");
        for (String asset : assets) {
            MvcResult served = mvc.perform(get(asset)).andExpect(status().isOk()).andReturn();
            assertThat(served.getResponse().getContentAsByteArray()).as(asset).hasSizeGreaterThan(100);
            assertThat(served.getResponse().getContentType()).as(asset).containsAnyOf("javascript", "text/css");
        }
    }
}
