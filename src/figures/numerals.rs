//! Numbers as Chinese news writes them: Arabic (`428`, `3,456.78`, `48.5`),
//! Chinese (`四千九百`, `十一`, `两`, `百亿`, `万亿`), mixed (`1.5万`,
//! `70多万`), vague (`数十`, `几百`), fractions (`三分之一`, `百分之三十`)
//! and halves (`半`).
//!
//! Values are computed from an integer mantissa and a power of ten, so
//! `354.44万` is exactly 3544400, not 3544399.9999999995.

/// A number read at some offset of the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    pub value: f64,
    /// Byte offset just past the number.
    pub end: usize,
    /// Written with Arabic digits.
    pub arabic: bool,
    /// Its integer digits, for telling a year (2024年) from a duration (20年).
    pub int_digits: usize,
    pub integer: bool,
    /// Scaled by 万, 亿 … (a bare `3亿` is still a figure).
    pub scaled: bool,
    /// Exactly `一`: one of so many idioms (一家企业, 一批) that it is not a figure alone.
    pub lone_one: bool,
    /// `多`, `余`, `数十`: more than the value.
    pub more: bool,
    /// `X分之Y`, `一半`; `percent` when X is 百 (百分之三十 = 30%).
    pub fraction: bool,
    pub percent: bool,
    /// Read digit by digit (`二〇二四`): a year, never a quantity.
    pub positional: bool,
}

fn digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn small_unit(c: char) -> Option<f64> {
    Some(match c {
        '十' => 10.0,
        '百' => 100.0,
        '千' => 1000.0,
        _ => return None,
    })
}

fn big_unit(c: char) -> Option<f64> {
    Some(match c {
        '万' => 1e4,
        '亿' => 1e8,
        _ => return None,
    })
}

/// Whether a Chinese numeral can start at `c`.
pub fn starts_number(c: char) -> bool {
    c.is_ascii_digit()
        || digit(c).is_some()
        || small_unit(c).is_some()
        || big_unit(c).is_some()
        || matches!(c, '数' | '几' | '半')
}

fn pow10(e: i32) -> f64 {
    10f64.powi(e)
}

/// `mantissa × 10^exp`, rounded once.
fn scale(mantissa: f64, exp: i32) -> f64 {
    if exp >= 0 {
        mantissa * pow10(exp)
    } else {
        mantissa / pow10(-exp)
    }
}

struct Cursor<'a> {
    text: &'a str,
    pos: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<char> {
        self.text[self.pos..].chars().next()
    }
    fn peek2(&self) -> Option<char> {
        self.text[self.pos..].chars().nth(1)
    }
    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }
    fn eat(&mut self, s: &str) -> bool {
        if self.text[self.pos..].starts_with(s) {
            self.pos += s.len();
            true
        } else {
            false
        }
    }
}

/// Reads `1,234.5` → (mantissa, exponent, integer digits); `None` for `02`-style identifiers.
fn arabic(cur: &mut Cursor) -> Option<(f64, i32, usize)> {
    let start = cur.pos;
    let mut mantissa = 0f64;
    let mut int_digits = 0;
    while let Some(c) = cur.peek() {
        if let Some(d) = c.to_digit(10) {
            mantissa = mantissa * 10.0 + d as f64;
            int_digits += 1;
            cur.bump();
        } else if c == ',' && int_digits > 0 && int_digits <= 3 + (int_digits / 4) * 4 {
            // A thousands separator only when exactly three digits follow.
            let rest = &cur.text[cur.pos + 1..];
            let group: Vec<char> = rest.chars().take(4).collect();
            if group.len() >= 3
                && group[..3].iter().all(char::is_ascii_digit)
                && group.get(3).is_none_or(|c| !c.is_ascii_digit())
            {
                cur.bump();
            } else {
                break;
            }
        } else {
            break;
        }
    }
    if int_digits == 0 {
        return None;
    }
    if int_digits > 1 && cur.text[start..].starts_with('0') && cur.peek() != Some('.') {
        return None;
    }
    let mut exp = 0;
    if cur.peek() == Some('.') && cur.peek2().is_some_and(|c| c.is_ascii_digit()) {
        cur.bump();
        while let Some(d) = cur.peek().and_then(|c| c.to_digit(10)) {
            mantissa = mantissa * 10.0 + d as f64;
            exp -= 1;
            cur.bump();
        }
    }
    Some((mantissa, exp, int_digits))
}

/// Reads digit by digit (`二〇二四`), as years are written; `(value, digits)`.
fn positional(cur: &mut Cursor) -> Option<(f64, usize)> {
    let start = cur.pos;
    let mut value = 0f64;
    let mut n = 0;
    while let Some(d) = cur.peek().filter(|&c| c != '两').and_then(digit) {
        value = value * 10.0 + d as f64;
        n += 1;
        cur.bump();
    }
    if n >= 2 {
        Some((value, n))
    } else {
        cur.pos = start;
        None
    }
}

/// Reads a Chinese numeral (`四千九百`, `十一`, `百亿`, `两`); `(value, lone 一)`.
fn chinese(cur: &mut Cursor) -> Option<(f64, bool)> {
    let start = cur.pos;
    let mut total = 0f64; // completed 亿 sections
    let mut wan = 0f64; // completed 万 sections below 亿
    let mut section = 0f64; // below 万
    let mut pending: Option<f64> = None; // a digit waiting for its unit
    let mut any = false;
    while let Some(c) = cur.peek() {
        if let Some(d) = digit(c) {
            if d == 0 && (section > 0.0 || wan > 0.0 || total > 0.0) {
                // 一千零五: 零 holds an empty place.
                cur.bump();
                continue;
            }
            if pending.is_some() {
                break; // two digits in a row: not this grammar (一二, 十四五)
            }
            pending = Some(d as f64);
        } else if let Some(u) = small_unit(c) {
            section += pending.take().unwrap_or(1.0) * u;
        } else if let Some(u) = big_unit(c) {
            let part = section + pending.take().unwrap_or(0.0);
            let part = if part == 0.0 && wan == 0.0 && total == 0.0 { 1.0 } else { part };
            if u == 1e4 {
                wan = (wan + part) * u;
                if wan >= 1e8 {
                    total += wan;
                    wan = 0.0;
                }
            } else {
                total = (total + wan + part) * u;
                wan = 0.0;
            }
            section = 0.0;
        } else {
            break;
        }
        any = true;
        cur.bump();
    }
    if !any {
        return None;
    }
    let lone_one = &cur.text[start..cur.pos] == "一";
    Some((total + wan + section + pending.unwrap_or(0.0), lone_one))
}

/// Units in which 千 is the SI prefix kilo: `35千米` is 35 km, not 35000 m.
fn kilo_unit_follows(cur: &Cursor) -> bool {
    cur.peek() == Some('千') && cur.peek2().is_some_and(|c| matches!(c, '米' | '克' | '瓦' | '伏' | '帕' | '焦' | '赫'))
}

/// Multipliers after a number: `428亿`, `1.5万`, `5百万`, `10万亿`.
fn multipliers(cur: &mut Cursor) -> Option<i32> {
    let mut exp = 0;
    let mut any = false;
    while let Some(c) = cur.peek() {
        if kilo_unit_follows(cur) {
            break;
        }
        let e = match c {
            '十' => 1,
            '百' => 2,
            '千' => 3,
            '万' => 4,
            '亿' => 8,
            _ => break,
        };
        exp += e;
        any = true;
        cur.bump();
    }
    any.then_some(exp)
}

/// The number starting at byte `start` of `text`, if one does.
pub fn parse(text: &str, start: usize) -> Option<Number> {
    let mut cur = Cursor { text, pos: start };
    let mut n = Number {
        value: 0.0,
        end: start,
        arabic: false,
        int_digits: 0,
        integer: true,
        scaled: false,
        lone_one: false,
        more: false,
        fraction: false,
        percent: false,
        positional: false,
    };
    let first = cur.peek()?;
    // 百分之三十, 三分之一: a fraction or percentage.
    if let Some(f) = fraction(text, start) {
        return Some(f);
    }
    if text[start..].starts_with("一半") {
        n.value = 0.5;
        n.integer = false;
        n.fraction = true;
        n.end = start + "一半".len();
        return Some(n);
    }
    if first == '半' {
        cur.bump();
        n.value = 0.5;
        n.integer = false;
        n.end = cur.pos;
        return Some(n);
    }
    // 数十, 几百万: vague, read as "more than" the round value.
    let vague = matches!(first, '数' | '几');
    if vague {
        cur.bump();
        if !cur.peek().is_some_and(|c| small_unit(c).is_some() || big_unit(c).is_some()) {
            return None;
        }
        n.more = true;
    }
    let (mantissa, mut exp) = if first.is_ascii_digit() {
        let (m, e, digits) = arabic(&mut cur)?;
        n.arabic = true;
        n.int_digits = digits;
        n.integer = e == 0;
        (m, e)
    } else if let Some((v, digits)) = positional(&mut cur) {
        n.positional = true;
        n.int_digits = digits;
        n.value = v;
        n.end = cur.pos;
        return Some(n);
    } else {
        let (v, lone) = chinese(&mut cur)?;
        n.lone_one = lone && !vague;
        n.int_digits = (v.max(1.0).log10().floor() as usize) + 1;
        (v, 0)
    };
    // 70多万, 4900余家: "more than", and multipliers may follow.
    if cur.eat("多") || cur.eat("余") {
        n.more = true;
    }
    let after_more = cur.pos;
    if let Some(e) = multipliers(&mut cur) {
        if n.arabic || n.more {
            exp += e;
            n.scaled = true;
            n.lone_one = false;
        } else {
            cur.pos = after_more;
        }
    }
    if !n.arabic {
        n.scaled |= text[start..cur.pos].contains(['万', '亿']);
    }
    n.value = scale(mantissa, exp);
    if !n.value.is_finite() {
        return None;
    }
    n.end = cur.pos;
    Some(n)
}

/// `X分之Y` (Y/X) and `百分之Y` (Y percent), at `start`.
fn fraction(text: &str, start: usize) -> Option<Number> {
    let mut cur = Cursor { text, pos: start };
    let denominator = if text[start..].starts_with("百分之") {
        cur.pos += "百".len();
        None
    } else {
        let (d, _) = chinese(&mut cur).or_else(|| arabic(&mut cur).map(|(m, e, _)| (scale(m, e), false)))?;
        Some(d)
    };
    if !cur.eat("分之") {
        return None;
    }
    let (numerator, _) = chinese(&mut cur).or_else(|| arabic(&mut cur).map(|(m, e, _)| (scale(m, e), false)))?;
    // 百分之三点五
    let mut value = numerator;
    if cur.peek() == Some('点') {
        let save = cur.pos;
        cur.bump();
        let mut place = 0.1;
        let mut any = false;
        while let Some(d) = cur.peek().and_then(digit) {
            value += d as f64 * place;
            place /= 10.0;
            any = true;
            cur.bump();
        }
        if !any {
            cur.pos = save;
        }
    }
    // A fraction is given to four decimals, as figures are written (三分之一 = 0.3333).
    let (value, percent) = match denominator {
        None => (value, true),
        Some(d) if d > 0.0 => ((value / d * 1e4).round() / 1e4, false),
        Some(_) => return None,
    };
    Some(Number {
        value,
        end: cur.pos,
        arabic: false,
        int_digits: 0,
        integer: false,
        scaled: false,
        lone_one: false,
        more: false,
        fraction: !percent,
        percent,
        positional: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(s: &str) -> Option<(f64, usize)> {
        parse(s, 0).map(|n| (n.value, n.end))
    }

    #[test]
    fn arabic_numbers() {
        assert_eq!(value("428亿元"), Some((428e8, "428亿".len())));
        assert_eq!(value("354.44万人"), Some((3544400.0, "354.44万".len())));
        assert_eq!(value("48.5%"), Some((48.5, 4)));
        assert_eq!(value("3,456.78元"), Some((3456.78, 8)));
        assert_eq!(value("1,500,000元"), Some((1_500_000.0, 9)));
        assert_eq!(value("2,5家"), Some((2.0, 1)));
        assert_eq!(value("10万亿"), Some((1e13, "10万亿".len())));
        assert_eq!(value("5百万"), Some((5e6, "5百万".len())));
        assert_eq!(value("0.65平方公里"), Some((0.65, 4)));
        assert_eq!(value("02组"), None);
        assert_eq!(value("3.0阶段"), Some((3.0, 3)));
    }

    #[test]
    fn chinese_numbers() {
        for (s, v) in [
            ("四千九百", 4900.0),
            ("十一", 11.0),
            ("两", 2.0),
            ("百亿", 1e10),
            ("千亿", 1e11),
            ("万亿", 1e12),
            ("三亿五千万", 3.5e8),
            ("一千零五", 1005.0),
            ("十万", 1e5),
            ("二十", 20.0),
            ("百", 100.0),
            ("万", 1e4),
            ("一亿二千三百四十五万六千七百八十九", 123_456_789.0),
        ] {
            assert_eq!(parse(s, 0).map(|n| n.value), Some(v), "{s}");
        }
        assert_eq!(parse("十四五", 0).map(|n| (n.value, n.end)), Some((14.0, "十四".len())));
        assert!(parse("一家", 0).unwrap().lone_one);
        assert!(!parse("一万", 0).unwrap().lone_one);
    }

    #[test]
    fn more_and_vague() {
        let n = parse("70多万台", 0).unwrap();
        assert_eq!((n.value, n.more, n.end), (700000.0, true, "70多万".len()));
        let n = parse("4900余家", 0).unwrap();
        assert_eq!((n.value, n.more, n.end), (4900.0, true, "4900余".len()));
        let n = parse("数十项", 0).unwrap();
        assert_eq!((n.value, n.more), (10.0, true));
        assert!(parse("数据", 0).is_none());
        assert!(parse("几乎", 0).is_none());
    }

    #[test]
    fn fractions_and_percent_words() {
        let n = parse("三分之一", 0).unwrap();
        assert_eq!((n.value, n.fraction), (0.3333, true));
        let n = parse("百分之三十", 0).unwrap();
        assert_eq!((n.value, n.percent), (30.0, true));
        let n = parse("百分之三点五", 0).unwrap();
        assert!((n.value - 3.5).abs() < 1e-12);
        assert_eq!(parse("半日", 0).map(|n| n.value), Some(0.5));
        assert!(parse("一半", 0).unwrap().fraction);
    }

    #[test]
    fn years_digit_by_digit_and_kilo_units() {
        let n = parse("二〇二四年", 0).unwrap();
        assert_eq!((n.value, n.positional, n.int_digits), (2024.0, true, 4));
        assert_eq!(value("35千米"), Some((35.0, 2)));
        assert_eq!(value("3亿千瓦时"), Some((3e8, "3亿".len())));
        assert_eq!(value("3千万元"), Some((3e7, "3千万".len())));
    }

    #[test]
    fn huge_numbers_stay_finite_or_are_refused() {
        let digits = "9".repeat(400);
        assert!(parse(&digits, 0).is_none());
        let n = parse("亿亿亿亿", 0).unwrap();
        assert!(n.value.is_finite() && n.value > 1e30);
    }
}
