//! The figure corpus (tests/data/figures.txt) through the whole analyzer:
//! each case names a span of its sentence and what it must be read as.

use zhlens::figures::{Change, Figure, Qualifier};
use zhlens::{Analyzer, Detail, Entity, Options};

const CASES: &str = include_str!("data/figures.txt");

fn figures(entities: &[Entity]) -> Vec<(&Entity, &Figure)> {
    entities
        .iter()
        .filter_map(|e| match &e.detail {
            Detail::Figure(f) => Some((e, &**f)),
            _ => None,
        })
        .collect()
}

/// UTF-16 span of the first occurrence of `needle` in `hay`.
fn utf16_span(hay: &str, needle: &str) -> (usize, usize) {
    let at = hay.find(needle).unwrap_or_else(|| panic!("{needle:?} not in {hay:?}"));
    let start = hay[..at].encode_utf16().count();
    (start, start + needle.encode_utf16().count())
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

#[test]
fn figure_corpus() {
    let analyzer = Analyzer::new(Options::default()).unwrap();
    let mut failures = Vec::new();
    let mut count = 0;
    for line in CASES.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
        let cols: Vec<&str> = line.split(" | ").map(str::trim).collect();
        let (sentence, target) = (cols[0], cols[1]);
        let analysis = analyzer.analyze(sentence).unwrap();
        let figs = figures(&analysis.entities);
        count += 1;
        if let Some(text) = target.strip_prefix('!') {
            let (s, e) = utf16_span(sentence, text);
            if let Some((ent, _)) = figs.iter().find(|(f, _)| f.start < e && s < f.end) {
                failures.push(format!("{sentence}: {text:?} should not be a figure, got {:?}", ent.text));
            }
            continue;
        }
        if let Some(text) = target.strip_prefix('@') {
            let (s, e) = utf16_span(sentence, text);
            let date =
                analysis.entities.iter().any(|d| matches!(d.detail, Detail::Date { .. }) && d.start == s && d.end == e);
            if !date || figs.iter().any(|(f, _)| f.start < e && s < f.end) {
                let got: Vec<&str> = analysis.entities.iter().map(|e| e.text.as_str()).collect();
                failures.push(format!("{sentence}: {text:?} should be a date, got {got:?}"));
            }
            continue;
        }
        let (s, e) = utf16_span(sentence, target);
        let Some((_, f)) = figs.iter().find(|(f, _)| f.start == s && f.end == e) else {
            let got: Vec<&str> = figs.iter().map(|(e, _)| e.text.as_str()).collect();
            failures.push(format!("{sentence}: no figure {target:?}, got {got:?}"));
            continue;
        };
        let value: f64 = cols[2].parse().unwrap();
        let unit = if cols[3] == "-" { "" } else { cols[3] };
        let kind = serde_json::to_value(f.figure_kind).unwrap();
        let qualifier = match f.qualifier {
            None => "-",
            Some(Qualifier::Over) => "over",
            Some(Qualifier::Under) => "under",
            Some(Qualifier::About) => "about",
        };
        let value_to: Option<f64> = cols.get(6).map(|v| v.parse().unwrap());
        let ok = close(f.value, value)
            && f.unit == unit
            && kind == cols[4]
            && qualifier == cols[5]
            && match (f.value_to, value_to) {
                (None, None) => true,
                (Some(a), Some(b)) => close(a, b),
                _ => false,
            };
        if !ok {
            failures.push(format!(
                "{sentence}: {target}: got value {} to {:?} unit {:?} kind {kind} qualifier {qualifier}",
                f.value, f.value_to, f.unit
            ));
        }
    }
    assert!(failures.is_empty(), "{} of {count} cases failed:\n{}", failures.len(), failures.join("\n"));
    assert!(count >= 240, "only {count} cases");
}

#[test]
fn direction_of_change() {
    let analyzer = Analyzer::new(Options::default()).unwrap();
    let cases = [
        ("出口额同比增长37.5%。", Some(Change::Up)),
        ("能耗下降了3个百分点。", Some(Change::Down)),
        ("效率提高一倍以上。", Some(Change::Up)),
        ("成本降低约20%。", Some(Change::Down)),
        ("占比约30%。", None),
    ];
    for (text, change) in cases {
        let analysis = analyzer.analyze(text).unwrap();
        let (_, f) = figures(&analysis.entities)[0];
        assert_eq!(f.change, change, "{text}");
    }
}

#[test]
fn figures_have_finite_values_on_hostile_input() {
    let analyzer = Analyzer::new(Options::default()).unwrap();
    let long = format!("{}元，亿亿亿亿元，{}万亿元", "9".repeat(400), "1".repeat(300));
    let analysis = analyzer.analyze(&long).unwrap();
    for (_, f) in figures(&analysis.entities) {
        assert!(f.value.is_finite() && f.value_to.is_none_or(f64::is_finite));
    }
}

#[test]
fn what_a_figure_measures() {
    let analyzer = Analyzer::new(Options::default()).unwrap();
    let cases = [
        ("前三季度，软件业务收入实现316亿元。", Some("软件业务收入")),
        ("目前算力总规模达3000P。", Some("算力总规模")),
        ("全区集聚医疗器械企业4900余家。", Some("医疗器械企业")),
        // A link the segmenter glued to the word before it (营收超, 全长约),
        // but not the end of a word of the dictionary (合约).
        ("去年企业营收超20亿元。", Some("企业营收")),
        ("大桥全长约248米。", Some("大桥全长")),
        ("双方签订合约3份。", Some("合约")),
        ("他说，我们去了3次。", None),
        ("会上他表达了3个观点。", None),
        ("游戏总共有122种道具。", None),
    ];
    for (text, measure) in cases {
        let analysis = analyzer.analyze(text).unwrap();
        let (_, f) = figures(&analysis.entities)[0];
        assert_eq!(f.measure.as_deref(), measure, "{text}");
    }
}
