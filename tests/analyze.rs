//! The analysis as a caller sees it: offsets into the input, articles,
//! bylines, and inputs of every shape.

mod common;

use common::inputs::{large_inputs, small_inputs};
use common::samples::{ASTRAL, PAGE};
use zhlens::{Analyzer, Detail, Error, Options};

fn analyzer() -> Analyzer {
    Analyzer::new(Options::default()).unwrap()
}

fn utf16_slice(units: &[u16], start: usize, end: usize) -> String {
    String::from_utf16(&units[start..end]).expect("span splits a surrogate pair")
}

fn assert_offsets(text: &str) {
    assert_offsets_with(&analyzer(), text);
}

/// Offsets lie on UTF-16 boundaries of `text` and slice it, entities are
/// sorted and do not overlap, figure values are finite.
fn assert_offsets_with(a: &Analyzer, text: &str) {
    let analysis = a.analyze(text).unwrap();
    let units: Vec<u16> = text.encode_utf16().collect();
    let len = units.len();
    for e in &analysis.entities {
        assert!(e.start < e.end && e.end <= len, "{e:?}");
        assert_eq!(utf16_slice(&units, e.start, e.end), e.text, "{e:?}");
        if let Detail::Figure(f) = &e.detail {
            assert!(f.value.is_finite() && f.value_to.is_none_or(f64::is_finite), "{e:?}");
        }
    }
    for w in analysis.entities.windows(2) {
        assert!(w[0].end <= w[1].start, "overlap: {w:?}");
    }
    for art in &analysis.articles {
        assert!(art.start <= art.end && art.end <= len);
    }
    for t in a.tokens(text).unwrap() {
        assert_eq!(utf16_slice(&units, t.start, t.end), t.text, "{t:?}");
    }
}

#[test]
fn offsets_slice_the_input_with_emoji_and_astral_characters() {
    assert_offsets(ASTRAL);
    assert_offsets(PAGE);
}

#[test]
fn tokens_map_repaired_words_back_to_damaged_input() {
    let tokens = analyzer().tokens(ASTRAL).unwrap();
    let org = tokens.iter().find(|t| t.word == "区" || t.word.ends_with('区')).unwrap();
    assert!(org.text.contains('区'));
    let year = tokens.iter().find(|t| t.word.starts_with("2024")).expect("full-width digits folded");
    assert!(year.text.starts_with('２'));
}

#[test]
fn page_articles_titles_and_authors() {
    let analysis = analyzer().analyze(PAGE).unwrap();
    let titles: Vec<&str> = analysis.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["新区建设芯片设计高地以创新激发发展活力", "春风十里花开满园", "旧物换新颜"]);
    let authors: Vec<Vec<String>> = analysis.articles.iter().map(|a| a.authors.clone()).collect();
    assert_eq!(authors, [vec!["李明"], vec!["王小红", "陈大海", "刘晓光"], vec!["赵一鸣", "孙二"]]);
    let kinds: Vec<String> =
        analysis.articles.iter().map(|a| serde_json::to_value(a.kind).unwrap().as_str().unwrap().to_string()).collect();
    assert_eq!(kinds, ["article", "article", "caption"]);
    // Every author is a person entity inside its article.
    for (i, art) in analysis.articles.iter().enumerate() {
        for name in &art.authors {
            assert!(analysis
                .entities
                .iter()
                .any(|e| e.article == Some(i)
                    && matches!(&e.detail, zhlens::Detail::Person { name: n, .. } if n == name)));
        }
    }
    // Articles cover the page in order, each span inside the input.
    for w in analysis.articles.windows(2) {
        assert!(w[0].end <= w[1].start);
    }
}

#[test]
fn analysis_serializes_to_the_spec_shape() {
    let json = serde_json::to_value(analyzer().analyze(PAGE).unwrap()).unwrap();
    for key in ["articles", "entities", "organizations"] {
        assert!(json[key].is_array(), "{key}");
    }
    let art = &json["articles"][0];
    for key in ["title", "kind", "start", "end", "authors", "themes", "keywords"] {
        assert!(!art[key].is_null(), "article.{key}");
    }
    let person = json["entities"].as_array().unwrap().iter().find(|e| e["kind"] == "person").unwrap();
    for key in ["text", "name", "start", "end", "article"] {
        assert!(!person[key].is_null(), "entity.{key}");
    }
}

#[test]
fn inputs_of_every_shape_give_a_result() {
    let a = analyzer();
    let empty = a.analyze("").unwrap();
    assert!(empty.articles.is_empty() && empty.entities.is_empty());
    assert!(a.analyze(" \n\t\r\n ").unwrap().articles.is_empty());
    let latin = a.analyze("No Chinese here at all, just English text.\nSecond line.").unwrap();
    assert_eq!(latin.articles.len(), 1);
    assert_eq!(latin.articles[0].title, "No Chinese here at all, just English text.");
    let plain = a.analyze("今天下午，市政府召开新闻发布会，介绍了全市经济运行情况。").unwrap();
    assert_eq!(plain.articles.len(), 1);
    for text in ["\u{0}\u{1}\u{7f}", "\u{FEFF}", "a", "𠀾", "\r\r\r", "亿亿亿亿", "١٢٣ مرحبا", "e\u{301}\u{301}"]
    {
        assert_offsets(text);
    }
}

#[test]
fn every_named_input_gives_a_result_with_valid_offsets() {
    let a = analyzer();
    for (name, text) in small_inputs().into_iter().chain(large_inputs()) {
        eprintln!("{name}: {} bytes", text.len());
        assert_offsets_with(&a, &text);
    }
}

#[test]
fn oversized_input_is_a_clear_error() {
    let a = Analyzer::new(Options { max_input_bytes: 10, ..Options::default() }).unwrap();
    let err = a.analyze("北京经济技术开发区").unwrap_err();
    assert_eq!(err, Error::InputTooLarge { bytes: 27, max: 10 });
    assert!(err.to_string().contains("maxInputBytes"));
    assert!(Analyzer::new(Options { max_input_bytes: 0, ..Options::default() }).is_err());
}

/// How many parts `analyze_in_parts` hands over for `text`.
fn parts_of(a: &Analyzer, text: &str) -> usize {
    let mut parts = 0;
    a.analyze_in_parts(text, |_| {
        parts += 1;
        Ok::<(), Error>(())
    })
    .unwrap();
    parts
}

/// A text is analyzed a part at a time (`analyze_in_parts`); the parts'
/// results, appended, must read as one analysis: offsets into the whole
/// input, article numbers of the whole, one row per organization.
#[test]
fn a_text_of_many_parts_reads_as_one_analysis() {
    let a = analyzer();
    let page = format!(
        "{PAGE}\n经开区加快发展\n\n□本报记者 周明\n\n近日，北京经济技术开发区（以下简称经开区）发布新政策，\
         经开区管委会表示将支持星河云帆智能装备股份有限公司做大做强，星河云帆今年营收增长三成。\n\n"
    );
    let copies = zhlens::articles::PART_BYTES * 5 / 2 / page.len() + 1;
    let text = page.repeat(copies);
    let parts = parts_of(&a, &text);
    assert!(parts >= 3, "{parts} parts");

    let one = a.analyze(&page).unwrap();
    let whole = a.analyze(&text).unwrap();
    assert_eq!(whole.articles.len(), copies * one.articles.len());
    assert_eq!(whole.entities.len(), copies * one.entities.len());
    // Every copy of the page reads as the page alone does, wherever the parts were cut.
    let (units, articles) = (page.encode_utf16().count(), one.articles.len());
    for (k, copy) in whole.entities.chunks(one.entities.len()).enumerate() {
        for (e, alone) in copy.iter().zip(&one.entities) {
            assert_eq!((e.start, e.end), (alone.start + k * units, alone.end + k * units));
            assert_eq!(e.article, alone.article.map(|i| i + k * articles));
            assert_eq!((&e.text, &e.detail), (&alone.text, &alone.detail));
        }
    }
    for (k, copy) in whole.articles.chunks(articles).enumerate() {
        for (art, alone) in copy.iter().zip(&one.articles) {
            assert_eq!((art.start, art.end), (alone.start + k * units, alone.end + k * units));
            assert_eq!((&art.title, &art.authors, &art.keywords), (&alone.title, &alone.authors, &alone.keywords));
        }
    }
    assert!(!one.organizations.is_empty());
    assert_eq!(whole.organizations.len(), one.organizations.len(), "one row per organization");
    for (row, alone) in whole.organizations.iter().zip(&one.organizations) {
        assert_eq!((&row.name, &row.aliases), (&alone.name, &alone.aliases));
        assert_eq!(row.mentions, copies * alone.mentions);
    }
    assert_offsets_with(&a, &text);
}

/// An article longer than a part is analyzed a piece at a time (its words
/// alone would take many times its size): it is still one article, and
/// every paragraph of it reads as the first one does, theme words included.
#[test]
fn an_article_longer_than_a_part_reads_as_one_article() {
    let a = analyzer();
    let paragraph = "近日，滨江高新区管委会主任陈立新表示，园区产值实现286.5亿元，同比增长32.4%。\
                     新能源汽车产业链加快集聚，北京经济技术开发区（以下简称经开区）引进项目42个。\n";
    let head = "滨江高新区加快打造产业集群\n\n□本报记者 林晓\n\n";
    let copies = zhlens::articles::PART_BYTES * 5 / 2 / paragraph.len() + 1;
    let text = format!("{head}{}\n{PAGE}", paragraph.repeat(copies));
    let parts = parts_of(&a, &text);
    assert!(parts >= 3, "{parts} parts");

    let whole = a.analyze(&text).unwrap();
    let long = &whole.articles[0];
    assert_eq!(
        (long.title.as_str(), long.authors.as_slice()),
        ("滨江高新区加快打造产业集群", ["林晓".to_string()].as_slice())
    );
    assert_eq!(whole.articles.iter().filter(|art| art.title == long.title).count(), 1);
    assert!(long.themes.iter().any(|t| t.label == "产业园区与开发区"), "{:?}", long.themes);
    assert!(!long.keywords.is_empty());
    let body = head.encode_utf16().count();
    let units = paragraph.encode_utf16().count();
    // (Up to the last paragraph's line break.)
    assert_eq!(long.end, body + copies * units - 1);
    let in_copy = |k: usize| -> Vec<(usize, usize, &str, &Detail)> {
        let (from, to) = (body + k * units, body + (k + 1) * units);
        whole
            .entities
            .iter()
            .filter(|e| from <= e.start && e.end <= to)
            .inspect(|e| assert_eq!(e.article, Some(0)))
            .map(|e| (e.start - from, e.end - from, e.text.as_str(), &e.detail))
            .collect()
    };
    let first = in_copy(1);
    let kinds: std::collections::BTreeSet<_> = first.iter().map(|e| format!("{:?}", e.3.kind())).collect();
    assert_eq!(kinds.len(), 5, "{first:?}");
    for k in 2..copies {
        assert_eq!(in_copy(k), first, "paragraph {k}");
    }
    assert_offsets_with(&a, &text);
}
