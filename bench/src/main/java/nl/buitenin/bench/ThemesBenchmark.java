package nl.buitenin.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import nl.buitenin.insight.internal.text.SentimentRules;
import nl.buitenin.insight.internal.text.ThemeEvaluation;
import nl.buitenin.insight.text.Language;
import nl.buitenin.insight.text.TextAnalysis;
import nl.buitenin.insight.text.TextAnalyzer;
import nl.buitenin.insight.text.ThemeModel;
import nl.buitenin.insight.text.ThemeTag;
import nl.buitenin.platform.CsvInput;

/**
 * Themes suggested and sentiment scored for Dutch comments (the 494 texts of the Dutch development set, in turn).
 * The theme model is the one an organisation has after a while: the development taxonomy's examples plus the dev
 * split's labels as analysts' tags.
 * <ul>
 * <li>{@code shared}: one {@link TextAnalyzer} and one {@link ThemeModel}, built once; one text per operation on one
 * thread, so the score is texts per second per core.</li>
 * <li>{@code perText} (baseline): a naive re-analysis that builds the analyzer (lexicons, Lucene chains) and trains
 * the model again for every text, as a tool that reads its configuration per text would.</li>
 * <li>{@code hundredThousand}: the time to theme and score 100 000 comments on two threads (the target:
 * under 15 s on the two cores).</li>
 * </ul>
 * Run: {@code java -jar bench/target/benchmarks.jar ThemesBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ThemesBenchmark {

    private static final int BATCH = 100_000;

    @Param({"app/src/test/resources/nl/buitenin/insight/devsets"})
    String devsets;

    String[] texts;
    int next;
    TextAnalyzer analyzer;
    ThemeEvaluation sets;
    List<ThemeTag> tags;
    ThemeModel model;
    ForkJoinPool pool;

    @Setup
    public void setUp() throws IOException {
        try (Reader reader = CsvInput.utf8(Files.newInputStream(Path.of(devsets, "comments-nl.csv")))) {
            List<CsvInput.Line> lines = CsvInput.readAll(reader);
            texts = lines.subList(1, lines.size()).stream().filter(line -> !line.isBlank())
                    .map(line -> line.values().get(1)).toArray(String[]::new);
        }
        analyzer = TextAnalyzer.standard();
        sets = ThemeEvaluation.read(Path.of(devsets));
        tags = sets.tags(item -> !item.test());
        model = ThemeModel.train(sets.taxonomy(), tags, analyzer);
        pool = new ForkJoinPool(2);
    }

    @TearDown
    public void tearDown() {
        pool.shutdown();
    }

    private String text() {
        String text = texts[next];
        next = next + 1 == texts.length ? 0 : next + 1;
        return text;
    }

    @Benchmark
    public void shared(Blackhole blackhole) {
        String text = text();
        TextAnalysis analysis = analyzer.analyze(text, Language.NL);
        blackhole.consume(analysis.sentiment());
        blackhole.consume(model.suggest(text, analysis.language()));
    }

    @Benchmark
    public void perText(Blackhole blackhole) {
        String text = text();
        TextAnalyzer fresh = new TextAnalyzer(SentimentRules.STANDARD);
        ThemeModel freshModel = ThemeModel.train(sets.taxonomy(), tags, fresh);
        TextAnalysis analysis = fresh.analyze(text, Language.NL);
        blackhole.consume(analysis.sentiment());
        blackhole.consume(freshModel.suggest(text, analysis.language()));
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 3)
    public long hundredThousand() throws InterruptedException, ExecutionException {
        return pool.submit(() -> IntStream.range(0, BATCH).parallel().mapToLong(i -> {
            String text = texts[i % texts.length];
            TextAnalysis analysis = analyzer.analyze(text, Language.NL);
            return model.suggest(text, analysis.language()).size()
                    + (analysis.sentiment().score() > 0 ? 1 : 0);
        }).sum()).get();
    }
}
