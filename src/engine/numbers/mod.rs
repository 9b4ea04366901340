//! Durations in contract text ("thirty (30) calendar days", "72 hours",
//! "24 months") and the event they run from ("after release", "after
//! confirmation"), for comparison with playbook thresholds.
//!
//! A single forward pass over tokens ([`lex`]): at each number (digits or
//! words, "thirty (30)", "30 (thirty)", ranges "30 to 60" → the larger) try to
//! read qualifiers and a unit; then look a few words ahead for the trigger.

mod lex;
mod trigger;
mod words;

use super::Span;
use crate::library::Unit;
use lex::{Kind, Lexer, Tok};
use serde::{Deserialize, Serialize};

/// The event a duration runs from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TriggerKind {
    Release,
    Discovery,
    Awareness,
    Notice,
    Confirmation,
    Delivery,
    Request,
    Other,
    /// "prior to", "before", "in advance", "days' notice": a notice period
    /// that must be given ahead of an event (End of Support, termination …).
    Advance,
}

/// A trigger phrase found after a duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trigger {
    pub kind: TriggerKind,
    pub span: Span,
    /// True for late triggers (confirmation, completion of investigation) that
    /// weaken an otherwise compliant number.
    pub late: bool,
}

/// A duration found in text.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Duration {
    pub span: Span,
    pub value: f64,
    pub unit: Unit,
    /// True when the text says only "days" (calendar vs business not stated).
    pub unit_ambiguous: bool,
    pub trigger: Option<Trigger>,
}

impl Duration {
    /// The value in calendar days (business days × 7/5, months × 30.4,
    /// years × 365, hours ÷ 24), for rough comparisons across units.
    pub fn approx_days(&self) -> f64 {
        days(self.value, self.unit)
    }
}

/// `v` of `u` in calendar days. A month is a twelfth of a year, so that
/// "twenty-four (24) months" is exactly "2 years" and meets a 2-year
/// threshold (at 30.4 days a month it fell 0.4 days short).
pub fn days(v: f64, u: Unit) -> f64 {
    match u {
        Unit::Hours => v / 24.0,
        Unit::BusinessDays => v * 7.0 / 5.0,
        Unit::CalendarDays => v,
        Unit::Months => v * 365.0 / 12.0,
        Unit::Years => v * 365.0,
    }
}

/// Find every duration in `text`, in order.
pub fn durations(text: &str) -> Vec<Duration> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    // Byte scan: only word starts that can begin a number (a digit, or the
    // first letter of a number word) are handed to the tokenizer.
    while i < b.len() {
        let c = b[i];
        let alnum = c.is_ascii_alphanumeric();
        if !alnum {
            i += 1;
            continue;
        }
        // `i` is at the start of a word or number (the previous byte is not alphanumeric).
        let candidate = c.is_ascii_digit()
            || (words::may_start_number_word(c) && {
                let n = b[i..]
                    .iter()
                    .take(10)
                    .take_while(|x| x.is_ascii_alphabetic())
                    .count();
                (3..=9).contains(&n) && words::word_value(&text[i..i + n]).is_some()
            });
        if candidate {
            let mut lx = Lexer::new(text, i);
            if let Some(t) = lx.next() {
                let number = match t.kind {
                    Kind::Num(_) => true,
                    Kind::Word => words::word_value(t.text(text)).is_some(),
                    Kind::Punct(_) => false,
                };
                if number && let Some((d, after)) = duration_at(text, t) {
                    out.push(d);
                    i = after.pos.max(i + 1);
                    continue;
                }
            }
        }
        while i < b.len() && b[i].is_ascii_alphanumeric() {
            i += 1;
        }
    }
    out
}

/// Read a number starting at token `t`: digits or words, with an optional
/// bracketed echo ("thirty (30)", "30 (thirty)"). Returns value, end, cursor.
fn number_at<'a>(s: &'a str, t: Tok, after: Lexer<'a>) -> Option<(f64, usize, Lexer<'a>)> {
    let mut lx = after;
    let (mut value, mut end) = match t.kind {
        Kind::Num(v) => (v, t.end),
        Kind::Word => {
            let mut total = 0u32;
            let mut current = words::word_value(t.text(s))?;
            let mut end = t.end;
            loop {
                let mut look = lx;
                let mut n = look.next();
                // "twenty-four", "one hundred and twenty"
                if let Some(p) = n
                    && (p.is_punct('-') || p.is_word(s, "and"))
                {
                    n = look.next();
                }
                let Some(w) = n.filter(|w| w.kind == Kind::Word) else {
                    break;
                };
                let text = w.text(s);
                if let Some(m) = words::multiplier(text) {
                    if m == 1000 {
                        total = total.saturating_add(current.saturating_mul(1000));
                        current = 0;
                    } else {
                        current = current.saturating_mul(m);
                    }
                } else if let Some(v) = words::word_value(text) {
                    if current % 10 != 0 && current < 100 || v >= 20 && current % 100 != 0 {
                        break; // "five six" is not one number
                    }
                    current += v;
                } else {
                    break;
                }
                end = w.end;
                lx = look;
            }
            (f64::from(total.saturating_add(current)), end)
        }
        Kind::Punct(_) => return None,
    };
    // Bracketed echo: "(30)" after words, "(thirty)" after digits.
    let mut look = lx;
    if look.next().is_some_and(|p| p.is_punct('(')) {
        let inner = look.next();
        let close = |mut l: Lexer<'a>| l.next().filter(|p| p.is_punct(')')).map(|p| (p.end, l));
        match inner {
            Some(Tok {
                kind: Kind::Num(v), ..
            }) => {
                if let Some((e, l)) = close(look) {
                    value = v; // the digits are authoritative
                    end = e;
                    lx = l;
                }
            }
            Some(w) if w.kind == Kind::Word && words::word_value(w.text(s)).is_some() => {
                // skip the words up to ")"
                let mut l = look;
                for _ in 0..6 {
                    match l.next() {
                        Some(p) if p.is_punct(')') => {
                            end = p.end;
                            lx = l;
                            break;
                        }
                        Some(p) if p.kind == Kind::Word || p.is_punct('-') => {}
                        _ => break,
                    }
                }
            }
            _ => {}
        }
    }
    Some((value, end, lx))
}

/// Try to read a whole duration starting at token `t`.
fn duration_at<'a>(s: &'a str, t: Tok) -> Option<(Duration, Lexer<'a>)> {
    let (mut value, _, mut lx) = number_at(s, t, Lexer::new(s, t.end))?;
    // Ranges: "30 to 60 days", "30-60 days", "between 30 and 60 days" → the larger.
    let mut look = lx;
    if let Some(p) = look.next()
        && (p.is_punct('-') || p.is_word(s, "to") || p.is_word(s, "or") || p.is_word(s, "and"))
        && let Some(n) = look.next()
        && let Some((v2, _, l2)) = number_at(s, n, look)
    {
        value = value.max(v2);
        lx = l2;
    }
    // Qualifiers and unit: "(30) consecutive calendar days", "30-day", "5-business-day".
    let mut business = false;
    let mut calendar = false;
    let mut unit_tok = None;
    for _ in 0..4 {
        let Some(w) = lx.next() else { break };
        if w.is_punct('-') {
            continue;
        }
        if w.kind != Kind::Word {
            break;
        }
        let text = w.text(s);
        let q = |k: &str| text.eq_ignore_ascii_case(k);
        if q("business") || q("working") {
            business = true;
        } else if q("calendar") {
            calendar = true;
        } else if q("consecutive") || q("full") || q("additional") || q("clock") || q("more") {
        } else {
            unit_tok = Some(w);
            break;
        }
    }
    let u = unit_tok?;
    let ut = u.text(s);
    let is = |ks: &[&str]| ks.iter().any(|k| ut.eq_ignore_ascii_case(k));
    let (unit, value, ambiguous) = if is(&["hour", "hours", "hr", "hrs"]) {
        (Unit::Hours, value, false)
    } else if is(&["day", "days"]) {
        if business {
            (Unit::BusinessDays, value, false)
        } else {
            (Unit::CalendarDays, value, !calendar)
        }
    } else if is(&["week", "weeks", "wk", "wks"]) {
        if business {
            (Unit::BusinessDays, value * 5.0, false)
        } else {
            (Unit::CalendarDays, value * 7.0, false)
        }
    } else if is(&["month", "months", "mo", "mos"]) {
        (Unit::Months, value, false)
    } else if is(&["year", "years", "yr", "yrs"]) {
        (Unit::Years, value, false)
    } else {
        return None;
    };
    // "24 hours a day, 7 days a week" is a rate, not a time limit.
    let mut look = lx;
    if let Some(a) = look.next()
        && (a.is_word(s, "a") || a.is_word(s, "per") || a.is_punct('/'))
        && look.next().is_some_and(|w| {
            ["day", "week", "month", "year", "hour"]
                .iter()
                .any(|k| w.is_word(s, k))
        })
    {
        return None;
    }
    let span = Span::new(t.start, u.end);
    let trigger = trigger::find(s, lx);
    Some((
        Duration {
            span,
            value,
            unit,
            unit_ambiguous: ambiguous,
            trigger,
        },
        lx,
    ))
}

#[cfg(test)]
mod tests;
