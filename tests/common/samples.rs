//! Texts the tests share, written for the project: a page in the layout
//! of a Chinese daily (title, byline, sub-heading, photo story) with PDF
//! damage, and text full of characters outside the BMP.

/// A page with two articles and a photo story, as copied out of a PDF.
pub const PAGE: &str = "\
新区建设芯片设计高地 以创新激发发展活力\n\n\
□本报记者 李明\n\n\
近日，记者从某新区获悉，今年上半年，园区集成电路产业产值实现128亿元，同比增长23.5%，\
新落地重点项目二十多个，产业链条不断延伸，储能电池生\n\n\
产线建设进展顺利。\n\n\
服务企业再提速\n\n\
新区有关负责 人介绍，将继续提升服务水平，2000 万元 专项资金支持企业做大做强。\n\n\
春风十里 花开满园\n\
——城郊乡村旅游季开幕\n\n\
◎通讯员 王小红 本报记者 陈大海\n\n\
近日，城郊乡村旅游季开幕，游客纷纷前来踏青赏花。\n\n\
图为游客在花海中拍照留念。 刘晓光摄\n\n\
旧物换新颜\n\n\
为增强居民环保意识，某社区近日组织了旧物置换活动，居民踊跃参加。\n\n\
本报记者 赵一鸣 通讯员 孙二 摄影报道\n";

/// Emoji, astral Han (𠀾 U+2003E), combining marks and full-width digits:
/// UTF-16 offsets differ from byte and char offsets throughout.
pub const ASTRAL: &str =
    "😀𠀾北京😀经济技术开发 区，２０２４年投资😀１２亿元。\r\n\r\n□本报记者 𠀾明\r\n\r\nZoë 说：“好！”𝄞 北京市𠀾区";
