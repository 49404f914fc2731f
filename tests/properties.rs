//! Properties of every analysis, for arbitrary input: no panic; offsets on
//! UTF-16 boundaries, inside the input, sorted and not overlapping; `text`
//! is the slice; figure values finite; articles in order.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use zhlens::{Analyzer, Detail, Options};

thread_local! {
    static ANALYZER: Analyzer = Analyzer::new(Options::default()).unwrap();
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let units: Vec<u16> = text.encode_utf16().collect();
    let analysis = ANALYZER.with(|a| a.analyze(text)).unwrap();
    let mut last_end = 0;
    for e in &analysis.entities {
        prop_assert!(e.start < e.end && e.end <= units.len(), "{e:?}");
        prop_assert!(e.start >= last_end, "overlap or unsorted at {e:?}");
        last_end = e.end;
        let slice = String::from_utf16(&units[e.start..e.end]).ok();
        prop_assert!(slice.as_deref() == Some(e.text.as_str()), "{e:?}");
        if let Detail::Figure(f) = &e.detail {
            prop_assert!(f.value.is_finite() && f.value_to.is_none_or(f64::is_finite), "{e:?}");
        }
    }
    let mut at = 0;
    for a in &analysis.articles {
        prop_assert!(a.start >= at && a.start <= a.end && a.end <= units.len());
        at = a.end;
    }
    let tokens = ANALYZER.with(|a| a.tokens(text)).unwrap();
    for t in tokens {
        prop_assert!(String::from_utf16(&units[t.start..t.end]).ok().as_deref() == Some(t.text.as_str()));
    }
    Ok(())
}

/// Characters news text and its damage are made of, and some that are not.
fn newsy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "北京",
        "经济技术开发",
        " 区",
        "（以下简称经开区）",
        "428亿元",
        "４８．５％",
        "1500万元至1600万元",
        "同比增长",
        "超过",
        "余家",
        "第47届",
        "2024年上半年",
        "7时37分",
        "\n\n",
        "\r\n",
        "□本报记者 林晓",
        "■ 何川 宋嘉禾",
        "科技日报讯(记者周明远)",
        "陶立摄",
        " 摄影报道",
        "工委书记王建国",
        "说",
        "有限公司",
        "研究院",
        "、",
        "，",
        "。",
        "😀",
        "𠀾",
        "\u{FEFF}",
        "\u{0}",
        "三分之一",
        "亿亿亿亿",
        "Titan X2",
        "\u{202E}",
        "e\u{301}",
        "#",
        "## ",
        "(",
        ")",
        "集成电路",
        "人形机器人",
        "火箭",
        "百亿",
        "数十项",
        "近",
        "约",
        "以上",
        "9999999999999999999999",
        ".",
        ",",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode(text in "\\PC{0,300}") {
        check(&text)?;
    }

    #[test]
    fn arbitrary_bytes_decoded_lossily(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn news_shaped_text(text in newsy()) {
        check(&text)?;
    }
}

#[test]
fn hostile_inputs() {
    let long_line = "北京经济技术开发区".repeat(20_000);
    let digits = format!("增长{}元", "9".repeat(400));
    let cases = [
        "",
        " ",
        "\u{D7FF}",
        "\u{FFFD}",
        "\r",
        "\r\r\n\n",
        "\u{FEFF}\u{FEFF}",
        "亿亿亿亿",
        "第",
        "分之",
        "百分之",
        "一半一半",
        "半",
        "(以下简称",
        "（以下简称）",
        "■",
        "□本报记者",
        "摄",
        "摄影报道",
        "##",
        "###### ",
        long_line.as_str(),
        digits.as_str(),
    ];
    for text in cases {
        check(text).unwrap();
    }
}
