//! Replays the inputs the fuzzer found interesting (fuzz/regressions, a
//! minimized corpus of `cargo fuzz run analyze`) with the fuzz target's
//! checks, so every later change is tested on them without the fuzzer.

use zhlens::{Analyzer, Detail, Options};

#[test]
fn fuzz_corpus_replays_cleanly() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/regressions");
    let analyzer = Analyzer::new(Options::default()).unwrap();
    let mut count = 0;
    for entry in std::fs::read_dir(dir).expect("fuzz/regressions exists") {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let units: Vec<u16> = text.encode_utf16().collect();
        let analysis = analyzer.analyze(&text).unwrap();
        let mut last = 0;
        for e in &analysis.entities {
            assert!(e.start >= last && e.start < e.end && e.end <= units.len(), "{e:?}");
            last = e.end;
            assert_eq!(String::from_utf16(&units[e.start..e.end]).ok().as_deref(), Some(e.text.as_str()));
            if let Detail::Figure(f) = &e.detail {
                assert!(f.value.is_finite());
            }
        }
        count += 1;
    }
    assert!(count >= 50, "only {count} regression inputs");
}
