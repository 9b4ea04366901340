//! Automatic numbering and heading styles: resolve `w:numPr` (direct or via
//! the paragraph style) against `word/numbering.xml` into the visible labels
//! ("1.", "1.2", "(a)", "iv.") Word would show, so the segmenter sees the same
//! clause numbers a reader does. Counters follow Word's rules closely enough
//! for contracts: per abstract list, deeper levels restart when a shallower
//! level advances, `w:startOverride` restarts a list instance.

use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone, Default)]
struct Level {
    start: i64,
    fmt: String,
    text: String,
    legal: bool,
}

#[derive(Debug, Clone, Default)]
struct Style {
    based_on: Option<String>,
    num: Option<(String, Option<usize>)>,
    outline: Option<u8>,
    name: String,
}

/// Numbering definitions, paragraph styles and the running counters.
#[derive(Debug, Default)]
pub struct Numbering {
    abstracts: HashMap<String, Vec<Level>>,
    /// numId → (abstractNumId, startOverride per level)
    nums: HashMap<String, (String, HashMap<usize, i64>)>,
    styles: HashMap<String, Style>,
    counters: HashMap<String, [Option<i64>; 9]>,
    seen: HashSet<String>,
}

/// Value of the attribute whose local name is `name` (`w:val` → `val`).
pub fn attr(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == name)
            .then(|| a.unescape_value().ok().map(|v| v.into_owned()))
            .flatten()
    })
}

impl Numbering {
    /// Parse `numbering.xml` and `styles.xml` (either may be empty). Broken
    /// XML yields fewer definitions, never an error: labels are a nicety.
    pub fn parse(numbering_xml: &str, styles_xml: &str) -> Numbering {
        let mut n = Numbering::default();
        n.parse_numbering(numbering_xml);
        n.parse_styles(styles_xml);
        n
    }

    fn parse_numbering(&mut self, xml: &str) {
        let mut r = Reader::from_str(xml);
        let mut cur_abs: Option<String> = None;
        let mut cur_num: Option<String> = None;
        let mut lvl: Option<(usize, Level)> = None;
        let mut override_lvl: Option<usize> = None;
        loop {
            let ev = match r.read_event() {
                Ok(Event::Eof) | Err(_) => break,
                Ok(ev) => ev,
            };
            match ev {
                Event::Start(e) | Event::Empty(e) => {
                    let name = e.local_name();
                    match name.as_ref() {
                        b"abstractNum" => cur_abs = attr(&e, b"abstractNumId"),
                        b"num" => {
                            cur_num = attr(&e, b"numId");
                        }
                        b"abstractNumId" => {
                            if let (Some(num), Some(v)) = (&cur_num, attr(&e, b"val")) {
                                self.nums.insert(num.clone(), (v, HashMap::new()));
                            }
                        }
                        b"lvlOverride" => {
                            override_lvl = attr(&e, b"ilvl").and_then(|v| v.parse().ok())
                        }
                        b"startOverride" => {
                            if let (Some(num), Some(l), Some(v)) = (
                                &cur_num,
                                override_lvl,
                                attr(&e, b"val").and_then(|v| v.parse().ok()),
                            ) && let Some(entry) = self.nums.get_mut(num)
                            {
                                entry.1.insert(l, v);
                            }
                        }
                        b"lvl" if cur_abs.is_some() && cur_num.is_none() => {
                            let i = attr(&e, b"ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                            lvl = Some((i, Level::default()));
                        }
                        b"start" => {
                            if let Some((_, l)) = &mut lvl {
                                l.start =
                                    attr(&e, b"val").and_then(|v| v.parse().ok()).unwrap_or(0);
                            }
                        }
                        b"numFmt" => {
                            if let Some((_, l)) = &mut lvl {
                                l.fmt = attr(&e, b"val").unwrap_or_default();
                            }
                        }
                        b"lvlText" => {
                            if let Some((_, l)) = &mut lvl {
                                l.text = attr(&e, b"val").unwrap_or_default();
                            }
                        }
                        b"isLgl" => {
                            if let Some((_, l)) = &mut lvl {
                                l.legal = attr(&e, b"val").is_none_or(|v| v != "0" && v != "false");
                            }
                        }
                        _ => {}
                    }
                }
                Event::End(e) => match e.local_name().as_ref() {
                    b"lvl" => {
                        if let (Some(a), Some((i, l))) = (&cur_abs, lvl.take())
                            && i < 9
                        {
                            let levels = self.abstracts.entry(a.clone()).or_default();
                            if levels.len() <= i {
                                levels.resize(i + 1, Level::default());
                            }
                            levels[i] = l;
                        }
                    }
                    b"abstractNum" => cur_abs = None,
                    b"num" => cur_num = None,
                    b"lvlOverride" => override_lvl = None,
                    _ => {}
                },
                _ => {}
            }
        }
    }

    fn parse_styles(&mut self, xml: &str) {
        let mut r = Reader::from_str(xml);
        let mut cur: Option<(String, Style)> = None;
        loop {
            let ev = match r.read_event() {
                Ok(Event::Eof) | Err(_) => break,
                Ok(ev) => ev,
            };
            match ev {
                Event::Start(e) | Event::Empty(e) => {
                    let name = e.local_name();
                    let Some((_, st)) = &mut cur else {
                        if name.as_ref() == b"style"
                            && attr(&e, b"type").as_deref() == Some("paragraph")
                            && let Some(id) = attr(&e, b"styleId")
                        {
                            cur = Some((id, Style::default()));
                        }
                        continue;
                    };
                    match name.as_ref() {
                        b"name" => st.name = attr(&e, b"val").unwrap_or_default(),
                        b"basedOn" => st.based_on = attr(&e, b"val"),
                        b"outlineLvl" => {
                            st.outline = attr(&e, b"val")
                                .and_then(|v| v.parse::<u8>().ok())
                                .map(|v| v + 1)
                        }
                        b"numId" => {
                            let ilvl = st.num.as_ref().and_then(|n| n.1);
                            st.num = attr(&e, b"val").map(|v| (v, ilvl));
                        }
                        b"ilvl" => {
                            let lv = attr(&e, b"val").and_then(|v| v.parse().ok());
                            match &mut st.num {
                                Some(n) => n.1 = lv,
                                None => st.num = Some((String::new(), lv)),
                            }
                        }
                        _ => {}
                    }
                }
                Event::End(e) if e.local_name().as_ref() == b"style" => {
                    if let Some((id, st)) = cur.take() {
                        self.styles.insert(id, st);
                    }
                }
                _ => {}
            }
        }
    }

    /// Follow `basedOn` from `style` and return the first value `f` gives.
    fn style_chain<T>(&self, style: &str, f: impl Fn(&Style) -> Option<T>) -> Option<T> {
        let mut id = style.to_string();
        for _ in 0..16 {
            let st = self.styles.get(&id)?;
            if let Some(v) = f(st) {
                return Some(v);
            }
            id = st.based_on.clone()?;
        }
        None
    }

    /// The list (numId, ilvl) a paragraph style gives, if any.
    pub fn style_numbering(&self, style: &str) -> Option<(String, usize)> {
        self.style_chain(style, |s| {
            s.num
                .as_ref()
                .filter(|n| !n.0.is_empty())
                .map(|n| (n.0.clone(), n.1.unwrap_or(0)))
        })
    }

    /// Heading level (1–9) of a paragraph style: "heading N" or an outline level.
    pub fn heading_level(&self, style: &str) -> Option<u8> {
        self.style_chain(style, |s| {
            let name = s.name.to_ascii_lowercase();
            if let Some(n) = name
                .strip_prefix("heading ")
                .and_then(|n| n.trim().parse::<u8>().ok())
            {
                return Some(n);
            }
            if name == "title" {
                return Some(1);
            }
            s.outline.filter(|&l| l <= 9)
        })
    }

    /// Advance the counters for a paragraph in list `num_id` at `ilvl` and
    /// return its visible label ("" for numId 0 or an unknown list).
    pub fn next_label(&mut self, num_id: &str, ilvl: usize) -> String {
        let ilvl = ilvl.min(8);
        let Some((abs, overrides)) = self.nums.get(num_id).cloned() else {
            return String::new();
        };
        let Some(levels) = self.abstracts.get(&abs).cloned() else {
            return String::new();
        };
        let start = |i: usize| levels.get(i).map_or(1, |l| l.start);
        let counters = self.counters.entry(abs.clone()).or_insert([None; 9]);
        if self.seen.insert(num_id.to_string()) {
            for (&l, &v) in &overrides {
                if l < 9 {
                    counters[l] = Some(v - 1);
                    for c in counters.iter_mut().skip(l + 1) {
                        *c = None;
                    }
                }
            }
        }
        counters[ilvl] = Some(counters[ilvl].map_or(start(ilvl), |c| c + 1));
        for c in counters.iter_mut().skip(ilvl + 1) {
            *c = None;
        }
        let snapshot = *counters;
        let Some(level) = levels.get(ilvl) else {
            return String::new();
        };
        match level.fmt.as_str() {
            "none" => return String::new(),
            "bullet" => return "•".into(),
            _ => {}
        }
        let mut out = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%'
                && let Some(d) = chars.peek().and_then(|d| d.to_digit(10))
            {
                chars.next();
                let i = (d as usize).saturating_sub(1).min(8);
                let value = snapshot[i].unwrap_or_else(|| start(i));
                let fmt = if level.legal && i < ilvl {
                    "decimal"
                } else {
                    levels.get(i).map_or("decimal", |l| l.fmt.as_str())
                };
                out.push_str(&format_number(value, fmt));
            } else {
                out.push(c);
            }
        }
        out
    }
}

/// Format a list counter the way Word does for the common formats.
pub fn format_number(n: i64, fmt: &str) -> String {
    match fmt {
        "lowerLetter" => letters(n).to_lowercase(),
        "upperLetter" => letters(n),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        "decimalZero" if (0..10).contains(&n) => format!("0{n}"),
        _ => n.to_string(),
    }
}

/// 1 → A, 26 → Z, 27 → AA (Word repeats the letter).
fn letters(n: i64) -> String {
    if n < 1 {
        return n.to_string();
    }
    let n = n as usize - 1;
    let c = (b'A' + (n % 26) as u8) as char;
    std::iter::repeat_n(c, n / 26 + 1).collect()
}

fn roman(mut n: i64) -> String {
    if !(1..4000).contains(&n) {
        return n.to_string();
    }
    let table = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in table {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_like_word() {
        assert_eq!(format_number(3, "lowerLetter"), "c");
        assert_eq!(format_number(28, "upperLetter"), "BB");
        assert_eq!(format_number(4, "lowerRoman"), "iv");
        assert_eq!(format_number(7, "decimalZero"), "07");
    }

    #[test]
    fn multilevel_labels_restart_deeper_levels() {
        let xml = r#"<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="0">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
          <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/></w:lvl>
        </w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#;
        let mut n = Numbering::parse(xml, "");
        let got: Vec<String> = [0, 1, 2, 2, 1, 2, 0, 1]
            .iter()
            .map(|&l| n.next_label("5", l))
            .collect();
        assert_eq!(got, ["1.", "1.1", "(a)", "(b)", "1.2", "(a)", "2.", "2.1"]);
    }
}
