//! Key phrases of an article, open vocabulary: TF-IDF over its words, with
//! the inverse document frequency read from the segmenter's dictionary
//! frequencies (a rare word says more than a common one), the title counted
//! more, and adjacent words that recur together merged into one phrase
//! (人形 + 机器人 → 人形机器人).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::data_lines;
use crate::entities::Segmented;
use crate::repair::is_han;
use crate::segment::Segmenter;
use crate::themes::ArticleSpan;

const STOPWORDS: &str = include_str!("../data/stopwords.txt");
const MAX_KEYWORDS: usize = 10;
const TITLE_BOOST: f64 = 2.0;
/// A phrase is kept when its words stand together this often.
const PHRASE_MIN_COUNT: usize = 2;
const PHRASE_MAX_WORDS: usize = 3;
pub struct Keywords {
    stopwords: HashSet<&'static str>,
}

/// A content word: nouns, names, verbal nouns, words the dictionary does
/// not know; two Han characters or more, no digits or numerals, nothing but
/// Han characters and ASCII letters. (One pass over the characters: it is
/// asked of every word of every article.)
fn content(word: &str, tag: &str) -> bool {
    let tag_ok = (matches!(tag, "n" | "nz" | "nt" | "ns" | "vn" | "x" | "eng" | "l" | "j" | "nrt")
        || tag.starts_with('n'))
        && tag != "nr";
    if !tag_ok {
        return false;
    }
    let mut han = 0;
    for c in word.chars() {
        if is_han(c) {
            if is_numeral(c) {
                return false;
            }
            han += 1;
        } else if !c.is_ascii_alphabetic() {
            return false;
        }
    }
    han >= 2
}

/// Numerals make a word a number, not a key phrase.
fn is_numeral(c: char) -> bool {
    matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '千' | '万' | '亿' | '两')
}

impl Keywords {
    pub fn new() -> Self {
        Keywords { stopwords: data_lines(STOPWORDS).collect() }
    }

    /// The article's key phrases, best first.
    /// `people`: spans of people's names, sorted by start, which are not key
    /// phrases. `idf_cache` keeps each word's IDF across the articles of one text.
    pub fn extract<'t>(
        &self,
        seg: &Segmented<'t>,
        segmenter: &Segmenter,
        art: &ArticleSpan,
        people: &[(usize, usize)],
        idf_cache: &mut HashMap<&'t str, f64>,
    ) -> Vec<String> {
        // `people` is sorted by start, and so are the words: the names
        // starting before a word's end are those before `before`, which
        // only moves forward.
        let mut before = people.partition_point(|&(s, _)| s < art.start);
        let mut in_person = |start: usize, end: usize| {
            before += people[before..].iter().take_while(|&&(s, _)| s < end).count();
            people[..before].iter().rev().take_while(|&&(s, _)| s + 64 > start).any(|&(_, e)| e > start)
        };
        let text: &'t str = seg.text;
        // (start, end, is a content word), for the article's words outside people's names.
        let all = seg.words_in(art.start, art.end);
        let mut words: Vec<(usize, usize, bool)> = Vec::with_capacity(all.len());
        words.extend(all.iter().filter(|w| !in_person(w.start, w.end)).map(|w| {
            let word = &text[w.start..w.end];
            (w.start, w.end, content(word, w.tag) && !self.stopwords.contains(word))
        }));
        // Term frequencies (title counted more), and runs of adjacent content
        // words; a phrase is the text its adjacent words cover, kept with
        // its count and where it first occurs (index of its first word, and
        // how many): most occur once, and their words are never looked at.
        // Sized by the content words, which bound the distinct words and
        // about the phrases (growing the maps was 2% of an analysis in wasm).
        let content_words = words.iter().filter(|w| w.2).count();
        let mut tf: HashMap<&str, f64> = HashMap::with_capacity_and_hasher(content_words, Default::default());
        let mut phrases: HashMap<&'t str, (usize, usize, usize)> =
            HashMap::with_capacity_and_hasher(content_words, Default::default());
        let mut run: Vec<usize> = Vec::new();
        for i in 0..=words.len() {
            let (start, end, is_content) = words.get(i).copied().unwrap_or((usize::MAX, usize::MAX, false));
            if is_content && run.last().is_none_or(|&k| words[k].1 == start) {
                run.push(i);
            } else {
                count_phrases(text, &words, &run, &mut phrases);
                run.clear();
                if is_content {
                    run.push(i);
                }
            }
            if is_content {
                let boost = if start < art.title_end { TITLE_BOOST } else { 1.0 };
                *tf.entry(&text[start..end]).or_default() += boost;
            }
        }
        let parts = |first: usize, n: usize| words[first..first + n].iter().map(|&(s, e, _)| &text[s..e]);
        let total = segmenter.total_frequency() as f64;
        let mut idf = |word: &'t str| {
            *idf_cache.entry(word).or_insert_with(|| (total / segmenter.frequency(word).max(1) as f64).ln())
        };
        // The few phrases that recur are picked out first: see the crate's docs on hot loops.
        let recurring = phrases
            .iter()
            .filter(|(_, &(count, ..))| count >= PHRASE_MIN_COUNT)
            .map(|(&text, &(count, first, n))| Phrase { text, count, first, words: parts(first, n).collect() })
            .collect();
        let mut scored = claim_phrases(recurring, &mut tf, &mut idf);
        scored.reserve(tf.len());
        scored.extend(tf.iter().filter(|(_, f)| **f > 0.0).map(|(w, f)| (*w, f * idf(w))));
        // No phrase twice: a word inside a better phrase, or a phrase around a better one.
        let mut out: Vec<String> = Vec::new();
        for (k, _) in best_first(&mut scored) {
            if out.iter().any(|o| contains(o, k) || contains(k, o)) {
                continue;
            }
            out.push(k.to_string());
            if out.len() == MAX_KEYWORDS {
                break;
            }
        }
        out
    }
}

/// The scored phrases, best first (ties by text), sorted a few at a time
/// as they are taken: an article scores hundreds of words and the ten
/// best are nearly always among the first few dozen (sorting them all was
/// a tenth of the pass).
fn best_first<'a, 't>(scored: &'a mut [(&'t str, f64)]) -> impl Iterator<Item = (&'t str, f64)> + 'a {
    const BATCH: usize = 4 * MAX_KEYWORDS;
    let order = |a: &(&str, f64), b: &(&str, f64)| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0));
    let mut sorted = 0;
    (0..scored.len()).map(move |i| {
        if i == sorted {
            let rest = &mut scored[sorted..];
            let n = BATCH.min(rest.len());
            if n < rest.len() {
                rest.select_nth_unstable_by(n - 1, order);
            }
            rest[..n].sort_unstable_by(order);
            sorted += n;
        }
        scored[i]
    })
}

/// `hay.contains(needle)` for the short strings keywords are, without the
/// searcher `str::contains` builds for each call (0.6% of an analysis in
/// wasm). Bytes suffice: a UTF-8 needle only matches at character starts.
fn contains(hay: &str, needle: &str) -> bool {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else { return true };
    needle.len() <= hay.len()
        && (0..=hay.len() - needle.len()).any(|i| hay[i] == first && &hay[i..i + needle.len()] == needle)
}

/// A phrase of adjacent content words that recurs in an article.
struct Phrase<'t> {
    text: &'t str,
    count: usize,
    /// Index of its first occurrence's first word among the article's words.
    first: usize,
    words: Vec<&'t str>,
}

/// Scores the recurring phrases that are collocations (their words stand
/// together at least half the time) as their words' mean IDF, with a bonus
/// for saying more, and takes their occurrences from their words' in `tf`.
/// A phrase takes occurrences from those after it, so they are taken in an
/// order of their own: the more frequent first, then the longer, then the
/// earlier. (In the hash map's order, wasm's keywords were not the native
/// command's: FxHash hashes by the pointer width.)
fn claim_phrases<'t>(
    mut phrases: Vec<Phrase<'t>>,
    tf: &mut HashMap<&'t str, f64>,
    idf: &mut impl FnMut(&'t str) -> f64,
) -> Vec<(&'t str, f64)> {
    phrases.sort_unstable_by_key(|p| (std::cmp::Reverse(p.count), std::cmp::Reverse(p.words.len()), p.first));
    let mut scored = Vec::new();
    for p in phrases {
        let count = p.count as f64;
        let together = p.words.iter().all(|w| tf.get(w).is_some_and(|&f| count >= 0.5 * f));
        if p.text.chars().count() > 10 || !together {
            continue;
        }
        let mean_idf = p.words.iter().map(|&w| idf(w)).sum::<f64>() / p.words.len() as f64;
        for w in &p.words {
            if let Some(f) = tf.get_mut(w) {
                *f = (*f - count).max(0.0);
            }
        }
        scored.push((p.text, count * mean_idf * 1.5));
    }
    scored
}

/// Counts the phrases of a run of adjacent content words (indices into
/// `words`): each stretch of 2 to `PHRASE_MAX_WORDS` of them, by its text,
/// with where it first occurs.
#[inline(never)] // out of `extract`'s loop over words: see the crate's docs on hot loops
fn count_phrases<'t>(
    text: &'t str,
    words: &[(usize, usize, bool)],
    run: &[usize],
    phrases: &mut HashMap<&'t str, (usize, usize, usize)>,
) {
    for n in 2..=PHRASE_MAX_WORDS {
        for win in run.windows(n) {
            let phrase = &text[words[win[0]].0..words[win[n - 1]].1];
            phrases.entry(phrase).or_insert((0, win[0], n)).0 += 1;
        }
    }
}

impl Default for Keywords {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_contains_agrees_with_str_contains() {
        let words =
            ["", "园区", "高新区", "新区", "区", "新能源汽车", "汽车", "能源", "𠀾站", "站", "a", "区园", "新能源"];
        for hay in words {
            for needle in words {
                assert_eq!(contains(hay, needle), hay.contains(needle), "{hay:?} {needle:?}");
            }
        }
    }

    #[test]
    fn best_first_is_the_full_sort_whatever_the_length() {
        let words: Vec<String> = (0..300).map(|i| format!("词{i}")).collect();
        for len in [0, 1, 39, 40, 41, 80, 81, 300] {
            // Scores with many ties, in no order: ties are broken by text.
            let scored: Vec<(&str, f64)> =
                words[..len].iter().enumerate().map(|(i, w)| (w.as_str(), ((i * 7919) % 13) as f64)).collect();
            let mut expected = scored.clone();
            expected.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
            let mut taken = scored.clone();
            assert_eq!(best_first(&mut taken).collect::<Vec<_>>(), expected, "{len}");
        }
    }

    #[test]
    fn content_words_are_nouns_of_two_han_characters_without_numbers() {
        for (word, tag, expected) in [
            ("集成电路", "n", true),
            ("AI芯片", "nz", true),
            ("创新", "vn", true),
            ("创新", "v", false),
            ("张强", "nr", false),
            ("三个", "m", false),
            ("万家", "n", false),
            ("5G基站", "n", false),
            ("芯", "n", false),
            ("北京·亦庄", "ns", false),
        ] {
            assert_eq!(content(word, tag), expected, "{word} {tag}");
        }
    }

    #[test]
    fn recurring_phrases_claim_their_words_in_one_order_whatever_the_maps() {
        // 公路桥梁 and 桥梁加固 share 桥梁: the one taken first leaves the
        // other's words standing apart, so the order decides.
        let phrase = |text, count, first, words: &[&'static str]| Phrase { text, count, first, words: words.to_vec() };
        let phrases = || {
            vec![
                phrase("桥梁加固", 2, 9, &["桥梁", "加固"]),
                phrase("公路桥梁", 3, 4, &["公路", "桥梁"]),
                phrase("公路桥梁加固", 2, 4, &["公路", "桥梁", "加固"]),
            ]
        };
        let tf: HashMap<&str, f64> = [("公路", 4.0), ("桥梁", 5.0), ("加固", 3.0)].into_iter().collect();
        let claim = |list: Vec<Phrase<'static>>| {
            let mut tf = tf.clone();
            let scored = claim_phrases(list, &mut tf, &mut |w: &str| w.len() as f64);
            let mut left: Vec<_> = tf.into_iter().collect();
            left.sort_by(|a, b| a.0.cmp(b.0));
            (scored.into_iter().map(|(p, _)| p).collect::<Vec<_>>(), left)
        };
        let expected = claim(phrases());
        // The most frequent first: 公路桥梁 takes 3 of 桥梁's 5; then the
        // longer of the two recurring twice. Taken first, 桥梁加固 (2 of 桥梁's
        // 5) would not have been a collocation at all.
        assert_eq!(expected.0, ["公路桥梁", "公路桥梁加固", "桥梁加固"]);
        assert_eq!(expected.1, [("公路", 0.0), ("加固", 0.0), ("桥梁", 0.0)]);
        for order in [[2, 1, 0], [1, 0, 2], [0, 2, 1]] {
            let mut list: Vec<Option<Phrase>> = phrases().into_iter().map(Some).collect();
            let shuffled = order.iter().map(|&i| list[i].take().unwrap()).collect();
            assert_eq!(claim(shuffled), expected);
        }
    }

    #[test]
    fn key_phrases_merge_recurring_words_and_skip_stopwords() {
        let text = "人形机器人产业加速发展\n\n近日，记者获悉，人形机器人企业纷纷落户，人形机器人产业链不断完善。\
                    专家表示，人形机器人将进入工厂，灵巧手和关节模组需求旺盛。";
        let segmenter = Segmenter::new().unwrap();
        let words = segmenter.tag(text);
        let seg = Segmented::new(text, &words);
        let art = ArticleSpan { start: 0, end: text.len(), title_end: text.find('\n').unwrap() };
        let k = Keywords::new().extract(&seg, &segmenter, &art, &[], &mut HashMap::default());
        assert_eq!(k[0], "人形机器人", "{k:?}");
        assert!(!k.iter().any(|w| w == "记者" || w == "表示"), "{k:?}");
        assert!(k.len() <= MAX_KEYWORDS);
    }
}
