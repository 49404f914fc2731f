//! Peak heap of each pass on one file, as multiples of the input's size:
//! `cargo run --release --example memory FILE`. Wasm memory follows the
//! heap's peak (it never shrinks), so this is where a page's memory goes.
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;
static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = NOW.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(now, Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        NOW.fetch_sub(layout.size(), Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn main() {
    let path = std::env::args().nth(1).expect("usage: memory FILE");
    let text = std::fs::read_to_string(path).expect("a UTF-8 file");
    let analyzer = zhlens::Analyzer::new(zhlens::Options::default()).unwrap();
    let report = |what: &str, base: usize| {
        let (now, peak) = (NOW.load(Relaxed) - base, PEAK.load(Relaxed) - base);
        println!(
            "{what:<28} held {:>6.1}×  peak {:>6.1}× the input",
            now as f64 / text.len() as f64,
            peak as f64 / text.len() as f64
        );
    };
    let base = NOW.load(Relaxed);
    PEAK.store(base, Relaxed);
    {
        use zhlens::entities::{EntityFinder, Segmented};
        let segmenter = zhlens::segment::Segmenter::new().unwrap();
        let (splitter, figures, entities) =
            (zhlens::articles::Splitter::new(), zhlens::figures::FigureFinder::new(), EntityFinder::new());
        let base = NOW.load(Relaxed);
        PEAK.store(base, Relaxed);
        let r = zhlens::repair::repair(&text);
        report("repair", base);
        let arts = splitter.split(&r.text, &r.soft_breaks);
        report("+ articles", base);
        let words = segmenter.tag(&r.text);
        report("+ segment", base);
        let seg = Segmented::new(&r.text, &words);
        let hits = analyzer.lexicon_hits(&r.text);
        report("+ lexicons", base);
        let f = figures.find(&seg, hits.dates());
        report("+ figures", base);
        let e = entities.find(&seg, hits.orgs(), hits.places());
        report("+ entities", base);
        drop((arts, hits, f, e));
    }
    let base = NOW.load(Relaxed);
    PEAK.store(base, Relaxed);
    // What the wasm binding does: each part's results leave before the next part.
    analyzer.analyze_in_parts(&text, |_part| Ok::<(), zhlens::Error>(())).unwrap();
    report("analyze in parts", base);
    PEAK.store(base, Relaxed);
    let analysis = analyzer.analyze(&text).unwrap();
    report("analyze (result held)", base);
    let json = serde_json::to_string(&analysis).unwrap();
    report("+ result as JSON", base);
    drop((json, analysis));
    PEAK.store(NOW.load(Relaxed), Relaxed);
    let base = NOW.load(Relaxed);
    let tokens = analyzer.tokens(&text).unwrap();
    report("tokens (result held)", base);
    drop(tokens);
}
