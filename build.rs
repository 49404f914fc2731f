//! Checks and summarizes jieba's dictionary at build time for the lazy
//! loading in `src/segment.rs`: the dictionary must be sorted (bytewise),
//! so that the words of one first character are one block of lines, found
//! by binary search; the sum of its frequencies and the tags it uses are
//! written out, so nothing needs the whole dictionary read at start-up.
use std::fmt::Write as _;

fn main() {
    let path = "data/jieba/dict.txt";
    println!("cargo:rerun-if-changed={path}");
    let dict = std::fs::read_to_string(path).expect("data/jieba/dict.txt");
    let mut tags: Vec<&str> = vec!["m", "eng", "x"];
    let mut total: u64 = 0;
    let mut previous = "";
    for line in dict.lines() {
        let mut fields = line.split_whitespace();
        assert!(fields.next().is_some(), "{path}: an empty line");
        assert!(previous <= line, "{path} is not sorted (LC_ALL=C sort): {line}");
        previous = line;
        total += fields.next().map_or(0, |f| f.parse::<u64>().expect("a frequency"));
        if let Some(tag) = fields.next() {
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
    }
    let mut out = String::new();
    writeln!(out, "/// The sum of the dictionary's frequencies.\nconst DICT_TOTAL: u64 = {total};").unwrap();
    writeln!(out, "/// Every tag the dictionary uses, and those jieba gives unknown words.\nconst DICT_TAGS: &[&str] = &{tags:?};").unwrap();
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("dict_index.rs");
    std::fs::write(dest, out).unwrap();
}
