//! Options a caller sets: their own organizations, words, taxonomy, kinds.

use zhlens::{Analyzer, Detail, Kind, Options, UserOrganization, UserTaxonomy, UserTerm, UserTheme, UserWord};

fn names(analyzer: &Analyzer, text: &str, kind: Kind) -> Vec<(String, String)> {
    analyzer
        .analyze(text)
        .unwrap()
        .entities
        .into_iter()
        .filter(|e| e.detail.kind() == kind)
        .map(|e| {
            let name = match e.detail {
                Detail::Org { name } | Detail::Person { name, .. } | Detail::Place { name } => name,
                Detail::Theme { label } => label,
                _ => String::new(),
            };
            (e.text, name)
        })
        .collect()
}

#[test]
fn user_organizations_and_their_aliases_are_recognized_under_the_given_name() {
    let text = "青禾智造发布新品。青禾表示，明年扩产。";
    let plain = Analyzer::new(Options::default()).unwrap();
    assert!(!names(&plain, text, Kind::Org).iter().any(|(t, _)| t == "青禾"));
    let options = Options {
        organizations: vec![UserOrganization::WithAliases {
            name: "青禾智造科技有限公司".into(),
            aliases: vec!["青禾智造".into(), "青禾".into()],
        }],
        ..Options::default()
    };
    let analyzer = Analyzer::new(options).unwrap();
    let orgs = names(&analyzer, text, Kind::Org);
    assert_eq!(
        orgs,
        [("青禾智造".into(), "青禾智造科技有限公司".into()), ("青禾".into(), "青禾智造科技有限公司".into())]
    );
    let analysis = analyzer.analyze(text).unwrap();
    assert_eq!(analysis.organizations[0].mentions, 2);
}

#[test]
fn options_parse_from_json_as_javascript_passes_them() {
    let options: Options = serde_json::from_str(
        r#"{"maxInputBytes": 1000, "organizations": ["青禾智造", {"name": "星河云帆", "aliases": ["云帆"]}],
            "words": ["具身智能", {"word": "云帆", "freq": 100, "tag": "nz"}],
            "taxonomy": {"mode": "replace", "themes": [{"label": "咖啡", "terms": ["拿铁", {"term": "咖啡豆", "weight": 3}]}]},
            "kinds": ["org", "theme"]}"#,
    )
    .unwrap();
    assert_eq!(options.organizations[0], UserOrganization::Name("青禾智造".into()));
    assert!(matches!(&options.words[1], UserWord::Entry { freq: Some(100), .. }));
    let analyzer = Analyzer::new(options).unwrap();
    let analysis = analyzer.analyze("咖啡馆开业\n\n新店主打拿铁和咖啡豆，青禾智造也来了。拿铁很受欢迎。").unwrap();
    assert_eq!(analysis.articles[0].themes[0].label, "咖啡");
    assert!(analysis.entities.iter().all(|e| matches!(e.detail.kind(), Kind::Org | Kind::Theme)));
    // Misspelled options are errors, not silently ignored.
    assert!(serde_json::from_str::<Options>(r#"{"maxInputByte": 1}"#).is_err());
}

#[test]
fn taxonomy_extends_by_default() {
    let options = Options {
        taxonomy: Some(UserTaxonomy {
            mode: Default::default(),
            themes: vec![UserTheme {
                label: "咖啡".into(),
                terms: vec![UserTerm::Term("拿铁".into()), UserTerm::Weighted { term: "咖啡豆".into(), weight: 3.0 }],
            }],
        }),
        ..Options::default()
    };
    let analyzer = Analyzer::new(options).unwrap();
    let text = "拿铁与芯片\n\n这家企业既卖拿铁和咖啡豆，也研发芯片，集成电路业务增长，芯片出货量大增。";
    let labels: Vec<String> =
        analyzer.analyze(text).unwrap().articles[0].themes.iter().map(|t| t.label.clone()).collect();
    assert!(labels.contains(&"咖啡".to_string()) && labels.contains(&"集成电路".to_string()), "{labels:?}");
}

#[test]
fn invalid_options_are_clear_errors() {
    let bad_theme = Options {
        taxonomy: Some(UserTaxonomy {
            mode: Default::default(),
            themes: vec![UserTheme {
                label: "咖啡".into(),
                terms: vec![UserTerm::Weighted { term: "拿铁".into(), weight: -1.0 }],
            }],
        }),
        ..Options::default()
    };
    let err = Analyzer::new(bad_theme).err().unwrap();
    assert!(err.to_string().contains("taxonomy"), "{err}");
    let bad_org = Options { organizations: vec![UserOrganization::Name(" ".into())], ..Options::default() };
    assert!(Analyzer::new(bad_org).is_err());
    let bad_word = Options { words: vec![UserWord::Word("两个 词".into())], ..Options::default() };
    assert!(Analyzer::new(bad_word).err().unwrap().to_string().contains("words"));
}

#[test]
fn a_user_dictionary_extends_the_segmenter_or_replaces_it_and_bad_lines_are_clear_errors() {
    let text = "星河湾区的青禾智造发布新品";
    let words = |options: Options| -> Vec<String> {
        Analyzer::new(options).unwrap().tokens(text).unwrap().into_iter().map(|t| t.word).collect()
    };
    assert!(!words(Options::default()).contains(&"星河湾区".to_string()));
    let extended: Options =
        serde_json::from_str(r#"{"dictionary": {"text": "星河湾区 80000 ns\n青禾智造 80000 nt\n"}}"#).unwrap();
    let extended_words = words(extended);
    assert!(extended_words.contains(&"星河湾区".to_string()) && extended_words.contains(&"发布".to_string()));
    let replaced: Options =
        serde_json::from_str(r#"{"dictionary": {"text": "星河湾 80000 ns\n区的 80000 n\n", "mode": "replace"}}"#)
            .unwrap();
    // Only a dictionary of its own would cut 区的 out of 湾区的.
    assert_eq!(words(replaced)[..2], ["星河湾", "区的"]);
    let bad: Options =
        serde_json::from_str(r#"{"dictionary": {"text": "星河湾区 80000 ns\n青禾 many nt\n"}}"#).unwrap();
    let error = Analyzer::new(bad).map(|_| ()).unwrap_err().to_string();
    assert!(error.contains("dictionary") && error.contains("line 2"), "{error}");
}

#[test]
fn kinds_limit_every_span_reported_bylines_included() {
    let text = "新区产值创新高\n\n□本报记者 李明\n\n北京经济技术开发区全年产值达428亿元。";
    let options: Options = serde_json::from_str(r#"{"kinds": ["figure"]}"#).unwrap();
    let analysis = Analyzer::new(options).unwrap().analyze(text).unwrap();
    assert!(!analysis.entities.is_empty());
    assert!(analysis.entities.iter().all(|e| e.detail.kind() == Kind::Figure));
    assert!(analysis.organizations.is_empty());
    assert_eq!(analysis.articles[0].authors, ["李明"]);
}
