//! Times each pass of the analysis on one file: `cargo run --release --example profile FILE`.
use std::time::Instant;

use zhlens::entities::{EntityFinder, Segmented};
use zhlens::{articles::Splitter, figures::FigureFinder, repair, segment::Segmenter};

fn main() {
    let path = std::env::args().nth(1).expect("usage: profile FILE");
    let text = std::fs::read_to_string(path).expect("a UTF-8 file");
    let t = Instant::now();
    let segmenter = Segmenter::new().unwrap();
    let (splitter, figures, entities) = (Splitter::new(), FigureFinder::new(), EntityFinder::new());
    let analyzer = zhlens::Analyzer::new(zhlens::Options::default()).unwrap();
    println!("construction      {:>8.1} ms", t.elapsed().as_secs_f64() * 1e3);
    let t = Instant::now();
    let r = repair::repair(&text);
    println!("repair            {:>8.1} ms", t.elapsed().as_secs_f64() * 1e3);
    let t = Instant::now();
    let arts = splitter.split(&r.text, &r.soft_breaks);
    println!("articles          {:>8.1} ms ({} articles)", t.elapsed().as_secs_f64() * 1e3, arts.len());
    let t = Instant::now();
    let words = segmenter.tag(&r.text);
    println!("segment           {:>8.1} ms", t.elapsed().as_secs_f64() * 1e3);
    let seg = Segmented::new(&r.text, &words);
    let t = Instant::now();
    let hits = analyzer.lexicon_hits(&r.text);
    println!("lexicons          {:>8.1} ms", t.elapsed().as_secs_f64() * 1e3);
    let t = Instant::now();
    let f = figures.find(&seg, hits.dates());
    println!("figures           {:>8.1} ms ({})", t.elapsed().as_secs_f64() * 1e3, f.len());
    let t = Instant::now();
    let e = entities.orgs.find(&seg, hits.orgs());
    println!("organizations     {:>8.1} ms ({})", t.elapsed().as_secs_f64() * 1e3, e.len());
    let t = Instant::now();
    let e = entities.people.find(&seg);
    println!("people            {:>8.1} ms ({})", t.elapsed().as_secs_f64() * 1e3, e.len());
    let t = Instant::now();
    let e = entities.places.find(&seg, hits.places());
    println!("places            {:>8.1} ms ({})", t.elapsed().as_secs_f64() * 1e3, e.len());
    let t = Instant::now();
    let e = entities.find(&seg, hits.orgs(), hits.places());
    println!("all entities      {:>8.1} ms ({})", t.elapsed().as_secs_f64() * 1e3, e.len());
    for run in ["first", "second", "third"] {
        let t = Instant::now();
        let a = analyzer.analyze(&text).unwrap();
        let ms = t.elapsed().as_secs_f64() * 1e3;
        println!("whole analyze, {run:<6} {ms:>8.1} ms ({} entities)", a.entities.len());
    }
    let t = Instant::now();
    let words = segmenter.tag(&r.text);
    println!("segment again     {:>8.1} ms ({} words)", t.elapsed().as_secs_f64() * 1e3, words.len());
}
