package nl.buitenin.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.loop.internal.ImprovementAction;
import nl.buitenin.loop.internal.Improving;
import nl.buitenin.loop.internal.Quarter;
import nl.buitenin.loop.internal.Themes;
import nl.buitenin.testing.DatabaseTest;

@DatabaseTest
@AutoConfigureMockMvc
class QuarterlyReportTest {

    @Autowired
    Improving improving;
    @Autowired
    Themes themes;
    @Autowired
    JdbcUsers users;
    @Autowired
    MockMvc mvc;

    @Test
    void thePdfOfTheQuarterListsTheActionsCompletedInIt() throws Exception {
        Themes.Theme theme = themes.add("bagage " + UUID.randomUUID().toString().substring(0, 6), "luggage", null);
        ImprovementAction done = improving.plan("Bagage op dag 1 bezorgd", "Luggage delivered on day 1",
                "Uw koffer staat voortaan al op de eerste avond op uw kamer.", "Your suitcase is now in your room on the first evening.",
                null, null, Set.of(theme.id()));
        improving.complete(done.id());
        ImprovementAction notDone = improving.plan("Nog niet klaar", "Not done yet", "Later", "Later", null, null,
                Set.of(theme.id()));
        Quarter quarter = Quarter.of(LocalDate.now(ZoneId.of("Europe/Amsterdam")));

        byte[] pdf = mvc.perform(get("/loop/report.pdf").param("quarter", quarter.toString())
                        .with(user(LoopFixture.analyst(users, "nl"))))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "loop-report.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("U zei, wij deden: " + quarter);
            assertThat(text).contains("Bagage op dag 1 bezorgd").contains("Uw koffer staat voortaan");
            assertThat(text).doesNotContain(notDone.titleNl());
            assertThat(text).contains("Binnen termijn").contains("Teruggekoppeld");
        }
        String html = mvc.perform(get("/loop/report").param("quarter", quarter.toString())
                        .with(user(LoopFixture.analyst(users, "en"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Luggage delivered on day 1");
        mvc.perform(get("/loop/report").param("quarter", "2026-Q5").with(user(LoopFixture.analyst(users, "en"))))
                .andExpect(status().isBadRequest());
    }
}
