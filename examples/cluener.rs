//! Measures organization and person recognition on the CLUENER2020 train
//! split, when it is beside the checkout (`../shared/data/cluener/train.json`;
//! it is a measuring stick only: nothing is learned from it).
//!
//! `cargo run --release --example cluener [PATH]`: company + government are
//! organizations, name is a person; a prediction counts when its span is
//! exactly a gold span of the same kind.

use std::collections::HashSet;

use zhlens::{Analyzer, Detail, Options};

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "../shared/data/cluener/train.json".into());
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("cluener: {path} not found; nothing to measure");
        return;
    };
    let analyzer = Analyzer::new(Options::default()).expect("analyzer");
    // (tp, predicted, gold) for org and person
    let mut org = (0usize, 0usize, 0usize);
    let mut person = (0usize, 0usize, 0usize);
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        let text = v["text"].as_str().unwrap_or_default();
        let mut gold_org = HashSet::new();
        let mut gold_person = HashSet::new();
        if let Some(labels) = v["label"].as_object() {
            for (kind, spans) in labels {
                let set = match kind.as_str() {
                    "company" | "government" => &mut gold_org,
                    "name" => &mut gold_person,
                    _ => continue,
                };
                for ranges in spans.as_object().into_iter().flat_map(|m| m.values()) {
                    for r in ranges.as_array().into_iter().flatten() {
                        let (s, e) = (r[0].as_u64().unwrap_or(0) as usize, r[1].as_u64().unwrap_or(0) as usize + 1);
                        set.insert((s, e));
                    }
                }
            }
        }
        // CLUENER counts characters; the analysis counts UTF-16 units.
        let units_to_chars: Vec<usize> = {
            let mut map = vec![0; text.encode_utf16().count() + 1];
            let (mut u, mut c) = (0, 0);
            for ch in text.chars() {
                map[u] = c;
                u += ch.len_utf16();
                c += 1;
            }
            map[u] = c;
            map
        };
        let analysis = analyzer.analyze(text).expect("analysis");
        let mut pred_org = HashSet::new();
        let mut pred_person = HashSet::new();
        for e in &analysis.entities {
            let span = (units_to_chars[e.start], units_to_chars[e.end]);
            match e.detail {
                Detail::Org { .. } => {
                    pred_org.insert(span);
                }
                Detail::Person { .. } => {
                    pred_person.insert(span);
                }
                _ => {}
            }
        }
        for (counts, pred, gold) in [(&mut org, &pred_org, &gold_org), (&mut person, &pred_person, &gold_person)] {
            counts.0 += pred.intersection(gold).count();
            counts.1 += pred.len();
            counts.2 += gold.len();
        }
    }
    for (name, (tp, p, g)) in [("org", org), ("person", person)] {
        let precision = if p > 0 { tp as f64 / p as f64 } else { 0.0 };
        let recall = if g > 0 { tp as f64 / g as f64 } else { 0.0 };
        let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
        println!("{name:7} P {precision:.3}  R {recall:.3}  F1 {f1:.3}  (predicted {p}, gold {g}, correct {tp})");
    }
}
