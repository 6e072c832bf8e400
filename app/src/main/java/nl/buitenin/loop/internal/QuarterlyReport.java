package nl.buitenin.loop.internal;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import nl.buitenin.organisation.Organisations;
import nl.buitenin.privacy.SmallCellRule;

/** The quarterly "you said, we did" report: the quarter's loop-closure figures and completed actions, on screen and as PDF. */
@Component
public class QuarterlyReport {

    public record Content(Quarter quarter, String organisation, List<LoopFigures.Row> byTeam, LoopFigures.Row total,
            List<YouSaidWeDid.Entry> actions) {
    }

    private final LoopFigures figures;
    private final YouSaidWeDid youSaidWeDid;
    private final Organisations organisations;
    private final MessageSource messages;
    private final SmallCellRule smallCells;

    QuarterlyReport(LoopFigures figures, YouSaidWeDid youSaidWeDid, Organisations organisations, MessageSource messages,
            SmallCellRule smallCells) {
        this.smallCells = smallCells;
        this.figures = figures;
        this.youSaidWeDid = youSaidWeDid;
        this.organisations = organisations;
        this.messages = messages;
    }

    public Content content(Quarter quarter, Locale locale, Instant now) {
        ZoneId zone = organisations.current().timeZone();
        List<LoopFigures.Row> rows = figures.by(LoopFigures.Dimension.TEAM, quarter.start(zone), quarter.end(zone), now);
        return new Content(quarter, organisations.current().name(), rows.subList(0, rows.size() - 1), rows.get(rows.size() - 1),
                youSaidWeDid.completed(quarter.start(zone), quarter.end(zone), locale));
    }

    public int minimumCount() {
        return youSaidWeDid.minimumCount();
    }

    public byte[] pdf(Content content, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 56, 56);
        PdfWriter.getInstance(document, out);
        document.addTitle(text(organisations.current().register().key("loop.report.title"), locale, content.quarter().toString()));
        document.open();
        Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
        Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 13);
        Font body = FontFactory.getFont(FontFactory.HELVETICA, 10);
        Font small = FontFactory.getFont(FontFactory.HELVETICA, 8);
        document.add(new Paragraph(content.organisation(), body));
        document.add(new Paragraph(text(organisations.current().register().key("loop.report.title"), locale, content.quarter().toString()), title));
        document.add(new Paragraph(" "));
        document.add(new Paragraph(text("loop.report.figures", locale), heading));
        PdfPTable table = new PdfPTable(5);
        table.setWidthPercentage(100);
        table.setSpacingBefore(6);
        for (String key : List.of("loop.figures.group", "loop.figures.followedUp", "loop.figures.timeToContact",
                "loop.figures.toldBack", "loop.figures.reopened")) {
            PdfPCell cell = new PdfPCell(new Phrase(text(key, locale), FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9)));
            table.addCell(cell);
        }
        for (LoopFigures.Row row : content.byTeam()) {
            addRow(table, row, row.key(), small, locale);
        }
        addRow(table, content.total(), text("loop.figures.all", locale), small, locale);
        document.add(table);
        document.add(new Paragraph(text("loop.figures.note", locale), small));
        document.add(new Paragraph(text("loop.figures.hiddenNote", locale, smallCells.k()), small));
        document.add(new Paragraph(" "));
        document.add(new Paragraph(text("loop.report.actions", locale), heading));
        if (content.actions().isEmpty()) {
            document.add(new Paragraph(text("loop.report.noActions", locale), body));
        }
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                .withZone(organisations.current().timeZone());
        for (YouSaidWeDid.Entry entry : content.actions()) {
            Paragraph name = new Paragraph(entry.title(), FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11));
            name.setSpacingBefore(8);
            document.add(name);
            document.add(new Paragraph(entry.description(), body));
            String raised = entry.raisedBy() == null ? text("loop.public.fewRaised", locale, youSaidWeDid.minimumCount())
                    : text("loop.public.raised", locale, entry.raisedBy());
            document.add(new Paragraph(text("loop.public.themes", locale) + ": " + String.join(", ", entry.themes()) + " · "
                    + date.format(entry.completedAt()) + " · " + raised, small));
        }
        document.close();
        return out.toByteArray();
    }

    private void addRow(PdfPTable table, LoopFigures.Row row, String label, Font font, Locale locale) {
        table.addCell(new Phrase(label, font));
        table.addCell(new Phrase(share(row.followedUpInTime(), locale), font));
        LoopFigures.MedianHours median = row.timeToFirstContact();
        table.addCell(new Phrase(median.hidden() ? text("loop.figures.hidden", locale, median.fewerThan())
                : median.hours() == null ? "–"
                : String.format(Locale.ROOT, "%.1f h (n = %d)", median.hours(), median.n()), font));
        table.addCell(new Phrase(share(row.toldBack(), locale), font));
        PdfPCell last = new PdfPCell(new Phrase(share(row.reopened(), locale), font));
        last.setHorizontalAlignment(Element.ALIGN_LEFT);
        table.addCell(last);
    }

    /** A share as the PDF prints it; a hidden one says only that it is about fewer than k people. */
    String share(Share share, Locale locale) {
        if (share == null) {
            return "– (n = 0)";
        }
        if (share.hidden()) {
            return text("loop.figures.hidden", locale, share.fewerThan());
        }
        return share.percent() + " [" + share.interval() + "] n = " + share.n();
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
