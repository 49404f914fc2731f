//! Prepares at compile time what start-up would otherwise compute:
//!
//! - jieba's dictionary, for the lazy loading in `src/segment.rs`: it must
//!   be sorted (bytewise), so that the words of one first character are one
//!   block of lines; where each block ends, the sum of the frequencies and
//!   the tags used are written out, so nothing reads it whole at start-up
//!   (a binary search of the text for each new character's block was a
//!   sixth of the first analysis of a short text).
//! - the automaton of the built-in lexicons, searched together
//!   (`src/lexicon`), serialized under the fingerprint of their lists of
//!   words. The lists here are the ones the crate makes from the same
//!   files; a test of the analyzer checks that its set is read prebuilt.
use std::fmt::Write as _;
use std::path::Path;

#[path = "src/lexicon/compile.rs"]
mod compile;

fn main() {
    let out_dir = std::env::var("OUT_DIR").unwrap();
    dictionary_index(Path::new(&out_dir));
    lexicons(Path::new(&out_dir));
}

fn dictionary_index(out_dir: &Path) {
    let path = "data/jieba/dict.txt";
    println!("cargo:rerun-if-changed={path}");
    let dict = std::fs::read_to_string(path).expect("data/jieba/dict.txt");
    let mut tags: Vec<&str> = vec!["m", "eng", "x"];
    let mut total: u64 = 0;
    let mut previous = "";
    // The characters words begin with, and where each one's lines end.
    let (mut firsts, mut ends): (Vec<u32>, Vec<usize>) = (Vec::new(), Vec::new());
    let mut at = 0;
    for line in dict.lines() {
        // `word freq tag`, one space apart, as `segment::Lazy::add_lines` reads them.
        let fields: Vec<&str> = line.split(' ').collect();
        let well_formed = fields.len() == 3
            && fields.iter().all(|f| !f.is_empty() && !f.contains(char::is_whitespace))
            && fields[1].bytes().all(|b| b.is_ascii_digit());
        assert!(well_formed, "{path}: not `word freq tag`, one space apart: {line:?}");
        let (word, freq, tag) = (fields[0], fields[1], fields[2]);
        let first = word.chars().next().expect("a word") as u32;
        assert!(previous <= line, "{path} is not sorted (LC_ALL=C sort): {line}");
        previous = line;
        at += line.len() + 1;
        if firsts.last() == Some(&first) {
            *ends.last_mut().unwrap() = at;
        } else {
            firsts.push(first);
            ends.push(at);
        }
        total += freq.parse::<u64>().expect("a frequency");
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    let mut out = String::new();
    writeln!(out, "/// The sum of the dictionary's frequencies.\nconst DICT_TOTAL: u64 = {total};").unwrap();
    writeln!(out, "/// Every tag the dictionary uses, and those jieba gives unknown words.\nconst DICT_TAGS: &[&str] = &{tags:?};").unwrap();
    assert_eq!(at, dict.len(), "{path}: lines end in \\n, and it ends in one");
    // As steps from the last (16 bits each, which brotli packs to a third
    // of what the absolute numbers took): `segment::BlockIndex` adds them up.
    let steps: Vec<u16> =
        std::iter::once(0).chain(firsts.iter().copied()).zip(&firsts).map(|(a, b)| to_u16(b - a)).collect();
    let lengths: Vec<u16> =
        std::iter::once(0).chain(ends.iter().copied()).zip(&ends).map(|(a, b)| to_u16((b - a) as u32)).collect();
    writeln!(out, "/// The characters the dictionary's words begin with, in order, each as its step from the last.\nconst DICT_FIRST_STEPS: &[u16] = &{steps:?};").unwrap();
    writeln!(out, "/// The length in bytes of the lines of the words that begin with each.\nconst DICT_BLOCK_LENGTHS: &[u16] = &{lengths:?};").unwrap();
    std::fs::write(out_dir.join("dict_index.rs"), out).unwrap();
}

fn to_u16(n: u32) -> u16 {
    u16::try_from(n).expect("data/jieba/dict.txt: a step of the block index fits 16 bits")
}

/// A data file's lines as `crate::data_lines` gives them.
fn data_lines(path: &str) -> Vec<String> {
    println!("cargo:rerun-if-changed={path}");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines().map(str::trim_end).filter(|l| !l.is_empty() && !l.starts_with('#')).map(String::from).collect()
}

fn lexicons(out_dir: &Path) {
    // Themes (`Taxonomy::from_rows`): each label's terms once, in order.
    let mut pairs: Vec<(String, String)> = Vec::new();
    for line in data_lines("data/themes.tsv") {
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        let pair = (cols[0].to_string(), cols[1].to_string());
        if !pairs.contains(&pair) {
            pairs.push(pair);
        }
    }
    let themes: Vec<String> = pairs.into_iter().map(|(_, term)| term).collect();
    // Organizations (`OrgFinder::with_user`, no user's): every name of a line.
    let orgs: Vec<String> = data_lines("data/entities/orgs.txt")
        .iter()
        .flat_map(|l| l.split('\t').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect::<Vec<_>>())
        .collect();
    // Places (`PlaceFinder::new`) and date words (`FigureFinder::new`: eras apart).
    let places = data_lines("data/entities/places.txt");
    let dates: Vec<String> = data_lines("data/figures/dates.txt")
        .into_iter()
        .filter(|l| !l.starts_with("@era\t"))
        .map(|l| l.trim().to_string())
        .collect();

    // Searched together (`LexiconSet`, in `Analyzer::new`'s order).
    let lists: [&[String]; 4] = [&themes, &orgs, &places, &dates];
    let words = compile::distinct_words(&lists);
    let automaton = compile::overlapping_automaton(&words).expect("the built-in lexicons have words");
    let (firsts, entries) = compile::entries(&lists, &words);
    std::fs::write(out_dir.join("lexicon_set.bin"), automaton.serialize()).unwrap();
    std::fs::write(out_dir.join("lexicon_set_entries.bin"), encode_entries(&firsts, &entries)).unwrap();
    let fingerprint = compile::fingerprint_of_lists(&lists);
    let bytes = |file: &str| format!("include_bytes!(concat!(env!(\"OUT_DIR\"), \"/{file}\"))");
    let table = format!(
        "const PREBUILT: &[(u64, &[u8], &[u8])] = &[({fingerprint:#x}, {}, {})];\n",
        bytes("lexicon_set.bin"),
        bytes("lexicon_set_entries.bin")
    );
    std::fs::write(out_dir.join("lexicons.rs"), table).unwrap();
}

/// The entries of the built-in set (`compile::entries`) as bytes: the
/// number of `firsts`, then `firsts` and `entries`, as little-endian u32s
/// (read by `LexiconSet::new`).
fn encode_entries(firsts: &[u32], entries: &[(u32, u32)]) -> Vec<u8> {
    std::iter::once(firsts.len() as u32)
        .chain(firsts.iter().copied())
        .chain(entries.iter().flat_map(|&(k, i)| [k, i]))
        .flat_map(u32::to_le_bytes)
        .collect()
}
