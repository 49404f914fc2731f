//! Native benchmarks of the core: construction apart (it is what a page
//! load pays once), then each pass and the whole analysis on a 60 KB page.
//! `cargo bench --bench passes`.
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use zhlens::articles::Splitter;
use zhlens::entities::{EntityFinder, Segmented};
use zhlens::figures::FigureFinder;
use zhlens::keywords::Keywords;
use zhlens::segment::Segmenter;
use zhlens::themes::{ArticleSpan, Taxonomy};
use zhlens::{repair, Analyzer, Options};

#[allow(dead_code)] // the benchmarks use the page, not every sample
#[path = "../tests/common/samples.rs"]
mod samples;

fn page() -> String {
    samples::PAGE.repeat(60_000 / samples::PAGE.len() + 1)
}

fn construction(c: &mut Criterion) {
    let mut group = c.benchmark_group("construction");
    group.sample_size(20);
    group.bench_function("Segmenter::new (jieba dictionary)", |b| b.iter(|| Segmenter::new().unwrap()));
    group.bench_function("Splitter::new", |b| b.iter(Splitter::new));
    group.bench_function("FigureFinder::new", |b| b.iter(FigureFinder::new));
    group.bench_function("EntityFinder::new", |b| b.iter(EntityFinder::new));
    group.bench_function("Analyzer::new (all)", |b| b.iter(|| Analyzer::new(Options::default()).unwrap()));
    // What a page load pays before its first result: construction, and the
    // dictionary words the first text needs loaded on the way.
    group.bench_function("Analyzer::new + first analyze (a page)", |b| {
        b.iter(|| Analyzer::new(Options::default()).unwrap().analyze(black_box(samples::PAGE)).unwrap())
    });
    group.finish();
}

fn passes(c: &mut Criterion) {
    let text = page();
    let segmenter = Segmenter::new().unwrap();
    let (splitter, figures, entities) = (Splitter::new(), FigureFinder::new(), EntityFinder::new());
    let analyzer = Analyzer::new(Options::default()).unwrap();
    let repaired = repair::repair(&text);
    let words = segmenter.tag(&repaired.text);
    let seg = Segmented::new(&repaired.text, &words);
    let hits = analyzer.lexicon_hits(&repaired.text);
    let articles: Vec<ArticleSpan> = splitter
        .split(&repaired.text, &repaired.soft_breaks)
        .iter()
        .map(|a| ArticleSpan { start: a.start, end: a.end, title_end: a.title_end })
        .collect();
    let (taxonomy, keywords) = (Taxonomy::builtin(), Keywords::new());
    let mut people: Vec<(usize, usize)> = entities.people.find(&seg).iter().map(|f| (f.start, f.end)).collect();
    people.sort_unstable();

    let mut group = c.benchmark_group("passes on 60 KB");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("repair", |b| b.iter(|| repair::repair(black_box(&text))));
    group.bench_function("articles", |b| b.iter(|| splitter.split(black_box(&repaired.text), &repaired.soft_breaks)));
    group.bench_function("segment", |b| b.iter(|| segmenter.tag(black_box(&repaired.text))));
    group.bench_function("lexicons (one search for all)", |b| {
        b.iter(|| analyzer.lexicon_hits(black_box(&repaired.text)))
    });
    group.bench_function("figures", |b| b.iter(|| figures.find(black_box(&seg), hits.dates())));
    group.bench_function("organizations", |b| b.iter(|| entities.orgs.find(black_box(&seg), hits.orgs())));
    group.bench_function("people", |b| b.iter(|| entities.people.find(black_box(&seg))));
    group.bench_function("places", |b| b.iter(|| entities.places.find(black_box(&seg), hits.places())));
    group.bench_function("themes (every article)", |b| {
        b.iter(|| articles.iter().map(|a| taxonomy.score(black_box(&seg), a, hits.themes()).1.len()).sum::<usize>())
    });
    group.bench_function("keywords (every article)", |b| {
        b.iter(|| {
            let mut idf_cache = Default::default();
            articles
                .iter()
                .map(|a| keywords.extract(black_box(&seg), &segmenter, a, &people, &mut idf_cache).len())
                .sum::<usize>()
        })
    });
    group.bench_function("analyze (all passes, result built)", |b| {
        b.iter(|| analyzer.analyze(black_box(&text)).unwrap())
    });
    group.bench_function("analyze + JSON (what crosses to JS)", |b| {
        b.iter(|| serde_json::to_string(&analyzer.analyze(black_box(&text)).unwrap()).unwrap())
    });
    group.finish();
}

criterion_group!(benches, construction, passes);
criterion_main!(benches);
