//! Places: names from the place lexicon, words jieba tags `ns`, and names
//! ended by an administrative word (`华蓥` + `市`, `北宫` + `镇`).

use super::Segmented;
use crate::analysis::{Detail, Found};
use crate::data_lines;
use crate::lexicon::Hit;
use crate::repair::han_chars;

const PLACES: &str = include_str!("../../data/entities/places.txt");

/// Words that make a place of the name before them.
const ADMIN: [&str; 12] = ["省", "市", "区", "县", "镇", "乡", "村", "街道", "州", "盟", "旗", "自治区"];

/// Last characters of geographic names (省, 市, 山, 河 …).
const GEO_ENDINGS: [char; 18] =
    ['省', '市', '区', '县', '镇', '乡', '村', '州', '山', '河', '湖', '江', '岛', '港', '湾', '路', '街', '海'];

pub struct PlaceFinder {
    names: Vec<&'static str>,
}

impl PlaceFinder {
    pub fn new() -> Self {
        PlaceFinder { names: data_lines(PLACES).collect() }
    }

    /// The place lexicon: the words whose hits [`PlaceFinder::find`] reads.
    pub fn names(&self) -> &[&'static str] {
        &self.names
    }

    /// `lexicon`: the hits of [`PlaceFinder::names`] in the text.
    pub fn find(&self, seg: &Segmented, lexicon: &[Hit]) -> Vec<Found> {
        let text = seg.text;
        let mut found = Vec::new();
        let mut push = |start: usize, end: usize| {
            found.push(Found { start, end, detail: Detail::Place { name: text[start..end].to_string() } });
        };
        for m in lexicon {
            if seg.aligned(m.start, m.end) || seg.word_at(m.start).is_some_and(|w| w.tag == "ns") {
                push(m.start, m.end);
            }
        }
        let words = seg.words;
        for (i, w) in words.iter().enumerate() {
            if w.tag != "ns" {
                continue;
            }
            let word = seg.word(i);
            // jieba's ns tags are loose (维度, 亦庄 as nr): a two-character ns
            // word counts only when it ends like a place.
            let chars = han_chars(word);
            if chars < 2 || (chars == 2 && !word.ends_with(GEO_ENDINGS)) {
                continue;
            }
            // 华蓥 + 市: the administrative word belongs to the name.
            let end = match words.get(i + 1) {
                Some(next) if ADMIN.contains(&seg.word(i + 1)) => next.end,
                _ => w.end,
            };
            push(w.start, end);
        }
        found
    }
}

impl Default for PlaceFinder {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::with_segmented;

    #[test]
    fn places_from_lexicon_tags_and_admin_words() {
        let text = "活动在山东省济南市举办，来自法国和深圳的代表参加。";
        let finder = PlaceFinder::new();
        let found = with_segmented(text, |seg| finder.find(seg, &crate::lexicon::hits_of(finder.names(), text)));
        let names: Vec<String> = found.into_iter().map(|f| text[f.start..f.end].to_string()).collect();
        for place in ["法国", "深圳"] {
            assert!(names.iter().any(|n| n == place), "{place} not in {names:?}");
        }
        assert!(names.iter().any(|n| n.starts_with("山东")), "{names:?}");
    }
}
