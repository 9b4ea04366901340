//! The event a duration runs from, read from the few words after it:
//! "after release", "of discovery", "after becoming aware", "following
//! Supplier's confirmation" (late), "prior to End of Support" (advance notice).

use super::lex::{Kind, Lexer, Tok};
use super::{Trigger, TriggerKind};
use crate::engine::Span;

/// Word stems that name the event, checked in order; the first hit wins.
const STEMS: [(&str, TriggerKind); 31] = [
    ("confirm", TriggerKind::Confirmation),
    ("validat", TriggerKind::Confirmation),
    ("verif", TriggerKind::Confirmation),
    ("determin", TriggerKind::Awareness),
    ("investigat", TriggerKind::Confirmation),
    ("triag", TriggerKind::Confirmation),
    ("reproduc", TriggerKind::Confirmation),
    ("aware", TriggerKind::Awareness),
    ("knowledge", TriggerKind::Awareness),
    ("learn", TriggerKind::Awareness),
    ("discover", TriggerKind::Discovery),
    ("identif", TriggerKind::Discovery),
    ("detect", TriggerKind::Discovery),
    ("releas", TriggerKind::Release),
    ("availab", TriggerKind::Release),
    ("publish", TriggerKind::Release),
    ("publicat", TriggerKind::Release),
    ("issuance", TriggerKind::Release),
    ("issued", TriggerKind::Release),
    ("disclos", TriggerKind::Release),
    ("notice", TriggerKind::Notice),
    ("notif", TriggerKind::Notice),
    ("receipt", TriggerKind::Notice),
    ("receiv", TriggerKind::Notice),
    ("report", TriggerKind::Notice),
    ("deliver", TriggerKind::Delivery),
    ("install", TriggerKind::Delivery),
    ("accept", TriggerKind::Delivery),
    ("shipment", TriggerKind::Delivery),
    ("request", TriggerKind::Request),
    ("demand", TriggerKind::Request),
];

fn starts_with_ci(w: &str, stem: &str) -> bool {
    w.len() >= stem.len() && w.as_bytes()[..stem.len()].eq_ignore_ascii_case(stem.as_bytes())
}

fn stops(t: &Tok) -> bool {
    matches!(
        t.kind,
        Kind::Punct('.' | ';' | ':' | '!' | '?') | Kind::Num(_)
    )
}

/// Find the trigger in the words following a duration (cursor just after its unit).
pub fn find(s: &str, after: Lexer<'_>) -> Option<Trigger> {
    let mut lx = after;
    // The connector must come within the first three tokens ("days' prior written notice").
    for _ in 0..4 {
        let t = lx.next()?;
        if stops(&t) {
            return None;
        }
        if t.kind != Kind::Word {
            continue; // apostrophe, comma, bracket
        }
        let w = t.text(s);
        let is = |k: &str| w.eq_ignore_ascii_case(k);
        if is("prior") || is("before") || is("advance") || is("preceding") || is("ahead") {
            let end = lx
                .peek()
                .filter(|n| n.is_word(s, "to"))
                .map_or(t.end, |n| n.end);
            return Some(Trigger {
                kind: TriggerKind::Advance,
                span: Span::new(t.start, end),
                late: false,
            });
        }
        if is("in") && lx.peek().is_some_and(|n| n.is_word(s, "advance")) {
            let end = lx.peek().map_or(t.end, |n| n.end);
            return Some(Trigger {
                kind: TriggerKind::Advance,
                span: Span::new(t.start, end),
                late: false,
            });
        }
        if is("notice") || is("notification") || is("written") {
            return Some(Trigger {
                kind: TriggerKind::Advance,
                span: Span::new(t.start, t.end),
                late: false,
            });
        }
        if is("after")
            || is("following")
            || is("from")
            || is("of")
            || is("upon")
            || is("since")
            || is("on")
        {
            return Some(object(s, t, lx));
        }
        // Qualifiers that may sit between unit and connector: "days thereafter", "days or less".
        if !(is("thereafter")
            || is("or")
            || is("less")
            || is("more")
            || is("immediately")
            || is("period")
            || is("time"))
        {
            return None;
        }
    }
    None
}

/// After a connector, the event noun within a dozen words decides the kind.
fn object(s: &str, conn: Tok, mut lx: Lexer<'_>) -> Trigger {
    for _ in 0..14 {
        let Some(t) = lx.next() else { break };
        if stops(&t) || t.is_punct(',') || t.is_punct('(') {
            break;
        }
        if t.kind != Kind::Word {
            continue;
        }
        let w = t.text(s);
        if let Some(&(_, kind)) = STEMS.iter().find(|(stem, _)| starts_with_ci(w, stem)) {
            return Trigger {
                kind,
                span: Span::new(conn.start, t.end),
                late: kind == TriggerKind::Confirmation,
            };
        }
    }
    Trigger {
        kind: TriggerKind::Other,
        span: Span::new(conn.start, conn.end),
        late: false,
    }
}
