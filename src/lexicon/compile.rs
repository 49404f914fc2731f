//! Building a lexicon's automaton from its words: shared by the crate (for
//! lexicons that options change) and `build.rs` (which builds the built-in
//! ones at compile time), so that both build the same automaton from the
//! same words. Only `std` and daachorse here: `build.rs` includes this file.
use std::collections::HashSet;

use daachorse::{DoubleArrayAhoCorasick, DoubleArrayAhoCorasickBuilder, MatchKind};

/// The leftmost-longest automaton of `words`, each word's value its index
/// in `words`. A word listed twice keeps its first index; empty words are
/// left out. `None` when no word is left (an automaton needs one).
pub fn automaton<S: AsRef<str>>(words: &[S]) -> Option<DoubleArrayAhoCorasick<u32>> {
    let mut seen = HashSet::new();
    let entries: Vec<(&str, u32)> = words
        .iter()
        .map(AsRef::as_ref)
        .enumerate()
        .filter(|&(_, w)| !w.is_empty() && seen.insert(w))
        .map(|(i, w)| (w, u32::try_from(i).expect("a lexicon of fewer than 2^32 words")))
        .collect();
    if entries.is_empty() {
        return None;
    }
    let automaton = DoubleArrayAhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        // Without daachorse's 2-gram prefilter (a 64 KB table a lexicon):
        // in wasm it sped a whole analysis up by 1%, and reading the four
        // tables slowed an analyzer's construction by 5 ms.
        .use_prefilter(false)
        .build_with_values(entries)
        .expect("a lexicon within the automaton's limits");
    Some(automaton)
}

/// Identifies a list of words, in order: 64-bit FNV-1a over the number of
/// words and each word after its length (so no two lists hash one stream).
pub fn fingerprint<S: AsRef<str>>(words: &[S]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    eat(&(words.len() as u64).to_le_bytes());
    for w in words {
        let w = w.as_ref().as_bytes();
        eat(&(w.len() as u64).to_le_bytes());
        eat(w);
    }
    hash
}
