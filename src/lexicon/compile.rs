//! Building the automaton of a set of lexicons from their words: shared by
//! the crate (for sets that options change) and `build.rs` (which builds
//! the built-in one at compile time), so that both build the same automaton
//! from the same words. Only `std` and daachorse here: `build.rs` includes
//! this file.
use std::collections::{HashMap, HashSet};

use daachorse::{CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder};

/// The words of several lexicons, each once, in the order first met (the
/// first lexicon's words, then the others' new ones): the patterns of one
/// automaton that searches them all, each pattern's value its position
/// here. Empty words are left out.
pub fn distinct_words<'w, S: AsRef<str>>(lists: &[&'w [S]]) -> Vec<&'w str> {
    let mut seen = HashSet::new();
    lists.iter().flat_map(|list| list.iter().map(AsRef::as_ref)).filter(|&w| !w.is_empty() && seen.insert(w)).collect()
}

/// The automaton that finds every occurrence of `words` (distinct, none
/// empty), overlaps included, each word's value its index. `None` for no words.
pub fn overlapping_automaton(words: &[&str]) -> Option<CharwiseDoubleArrayAhoCorasick<u32>> {
    if words.is_empty() {
        return None;
    }
    let automaton = CharwiseDoubleArrayAhoCorasickBuilder::new()
        .build_with_values(words.iter().enumerate().map(|(i, &w)| (w, i as u32)))
        .expect("a lexicon within the automaton's limits");
    Some(automaton)
}

/// Each distinct word's (lexicon, index) pairs: `firsts` and `entries` of [`entries`].
pub type Entries = (Vec<u32>, Vec<(u32, u32)>);

/// Which lexicons list each of `words` (the distinct words of `lists`),
/// and where: the (lexicon, index) pairs of word `w` are
/// `entries[firsts[w]..firsts[w + 1]]`, a word listed twice by one
/// lexicon under its first index.
pub fn entries<S: AsRef<str>>(lists: &[&[S]], words: &[&str]) -> Entries {
    let position: HashMap<&str, u32> = words.iter().enumerate().map(|(i, &w)| (w, i as u32)).collect();
    let mut triples: Vec<(u32, u32, u32)> = Vec::new();
    for (k, list) in lists.iter().enumerate() {
        for (i, word) in list.iter().enumerate() {
            if let Some(&w) = position.get(word.as_ref()) {
                triples.push((w, k as u32, i as u32));
            }
        }
    }
    triples.sort_unstable();
    triples.dedup_by_key(|&mut (w, k, _)| (w, k));
    let mut firsts = vec![0u32; words.len() + 1];
    for &(w, ..) in &triples {
        firsts[w as usize + 1] += 1;
    }
    for w in 0..words.len() {
        firsts[w + 1] += firsts[w];
    }
    (firsts, triples.into_iter().map(|(_, k, i)| (k, i)).collect())
}

/// Identifies several lists of words, in order.
#[inline(never)]
pub fn fingerprint_of_lists<S: AsRef<str>>(lists: &[&[S]]) -> u64 {
    let prints: Vec<String> = lists.iter().map(|list| format!("{:x}", fingerprint(list))).collect();
    fingerprint(&prints)
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
