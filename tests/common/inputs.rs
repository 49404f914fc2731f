//! The inputs users paste that break text tools, by name, shared by the
//! native tests and the wasm ones: sizes, encodings' corners, scripts,
//! markup. Every one must give a result with valid offsets, never a panic.

use super::samples::{ASTRAL, PAGE};

/// A Traditional Chinese news item, as Hong Kong and Taiwan papers print it.
pub const TRADITIONAL: &str = "\
科技園區產值創新高 半導體產業帶動成長\n\n\
【記者林志明／新竹報導】\n\n\
新竹科學園區管理局昨日公布，今年前三季園區營業額達新臺幣一兆二千億元，年增百分之十八點五，\
其中積體電路產業占比超過七成。管理局局長表示，園區將持續擴建，明年預計新增廠商三十餘家。\n";

/// A news page's HTML source, pasted as text.
pub const HTML: &str = "<!doctype html><html><head><meta charset=\"utf-8\"><title>新区打造产业高地</title>\
<script>var x = \"<b>\"; if (a < b && c > d) { alert('北京'); }</script><style>p{color:red}</style></head>\
<body><h1 class=\"title\">新区打造产业高地</h1><p>□本报记者&nbsp;李明</p>\
<p>近日，记者从<a href=\"/org?id=1&amp;x=2\">北京经济技术开发区</a>获悉，产值达&#52;28亿元。</p>\
<!-- 注释 --><img src=x onerror=alert(1)></body></html>";

/// Text in every full-width form: FF01–FF5E, the ideographic space, and
/// the full-width signs FFE0–FFE6.
pub fn full_width_forms() -> String {
    let mut s: String = ('\u{FF01}'..='\u{FF5E}').collect();
    s.push('\u{3000}');
    s.extend('\u{FFE0}'..='\u{FFE6}');
    s.push_str("北京经济技术开发区全年产值４２８亿元，同比增长１２．５％。");
    s
}

/// News-like text of about `bytes` bytes: the sample page and the astral
/// text repeated, with numbering so the articles are not all the same.
pub fn news_of_size(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + PAGE.len());
    let mut i = 0;
    while s.len() < bytes {
        s.push_str(&PAGE.replace("128亿元", &format!("{}亿元", 100 + i % 900)));
        s.push_str(ASTRAL);
        s.push_str("\n\n");
        i += 1;
    }
    s
}

/// Every named input but the two of ten megabytes (in wasm those are
/// tested on the release package, tests/node/robustness.test.mjs).
pub fn small_inputs() -> Vec<(&'static str, String)> {
    vec![
        ("empty", String::new()),
        ("whitespace only", " \t\n\u{3000}\r\n ".into()),
        ("one character", "京".into()),
        ("one astral character", "𠀾".into()),
        ("no Chinese", "No Chinese here at all.\nJust English, 42 and 3.5%.".into()),
        ("NUL and controls", "\u{0}北京\u{1}\u{7}\u{8}经济\u{1b}[31m技术\u{7f}开发区\u{c}428亿元\u{b}".into()),
        ("CRLF line ends", PAGE.replace('\n', "\r\n")),
        ("CR line ends", PAGE.replace('\n', "\r")),
        ("BOM", format!("\u{FEFF}{PAGE}")),
        ("RTL", "مرحبا بالعالم ١٢٣ \u{202E}北京\u{202C} עברית".into()),
        ("combining marks", "e\u{301}\u{301}\u{301} 北\u{301}京 a\u{20DD}".into()),
        ("every full-width form", full_width_forms()),
        ("Traditional Chinese news", TRADITIONAL.into()),
        ("HTML source", HTML.into()),
        ("long line without punctuation", "北京经济技术开发区集成电路产业".repeat(30_000)),
        ("a number of 400 digits", format!("增长{}元，{}亿元", "9".repeat(400), "1".repeat(400))),
        ("亿亿亿亿", "亿亿亿亿元亿亿亿亿".into()),
        ("emoji and astral Han", ASTRAL.into()),
    ]
}

/// The ten-megabyte inputs: news-like text, and one character repeated.
pub fn large_inputs() -> Vec<(&'static str, String)> {
    vec![("10 MB of news", news_of_size(10 << 20)), ("10 MB of one character", "京".repeat((10 << 20) / 3))]
}
