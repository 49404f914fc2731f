//! Coverage-guided fuzzing of `analyze()` and `tokens()`: any bytes, decoded
//! lossily, must give an analysis whose every span slices the input, in
//! order, without overlap, with finite figure values.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zhlens::{Analyzer, Detail, Options};

thread_local! {
    // One analyzer for the whole run (an Analyzer loads dictionary words as
    // texts need them, so it is not shared between threads).
    static ANALYZER: Analyzer = Analyzer::new(Options::default()).expect("analyzer");
}

fuzz_target!(|data: &[u8]| ANALYZER.with(|analyzer| check(analyzer, data)));

fn check(analyzer: &Analyzer, data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let units: Vec<u16> = text.encode_utf16().collect();
    let analysis = analyzer.analyze(&text).expect("analysis");
    let mut last = 0;
    for e in &analysis.entities {
        assert!(e.start >= last && e.start < e.end && e.end <= units.len());
        last = e.end;
        assert_eq!(String::from_utf16(&units[e.start..e.end]).ok().as_deref(), Some(e.text.as_str()));
        if let Detail::Figure(f) = &e.detail {
            assert!(f.value.is_finite() && f.value_to.is_none_or(f64::is_finite));
        }
    }
    for t in analyzer.tokens(&text).expect("tokens") {
        assert_eq!(String::from_utf16(&units[t.start..t.end]).ok().as_deref(), Some(t.text.as_str()));
    }
}
