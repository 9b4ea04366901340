//! British and Commonwealth spellings folded to American ones before a word
//! is stemmed, so that "unauthorised access", "sanitisation", "licence",
//! "programme" and "behaviour" meet the cue phrases of the clause library
//! (written in American spelling) in the stemmed stream.
//!
//! The fold is applied to both sides, the contract's words and the cue
//! phrases ([`super::cues::stem_phrase`]), so it can never stop a phrase from
//! matching: at worst two words that were different now collide, and the
//! rules below only touch endings where that is harmless ("premises" becomes
//! "premizes" on both sides). Regex cues run on the text itself and spell
//! their own alternatives (`authori[sz]`).

use std::borrow::Cow;

/// `word` (lowercase) in American spelling, or `word` itself.
pub fn american(word: &str) -> Cow<'_, str> {
    // Shorter words ("rise", "wise", "hour", "four") are left alone.
    if word.len() < 6 || !word.is_ascii() {
        return Cow::Borrowed(word);
    }
    // -ise, -ised, -ises, -ising, -isation(s), -iser(s) → -iz…
    for end in [
        "ise", "ised", "ises", "ising", "isation", "isations", "iser", "isers",
    ] {
        if let Some(stem) = word.strip_suffix(end) {
            return Cow::Owned(format!("{stem}iz{}", &end[2..]));
        }
    }
    // Whole-word pairs whose ending rule would be too broad.
    const PAIRS: [(&str, &str); 12] = [
        ("licence", "license"),
        ("licences", "licenses"),
        ("licenced", "licensed"),
        ("defence", "defense"),
        ("defences", "defenses"),
        ("offence", "offense"),
        ("offences", "offenses"),
        ("programme", "program"),
        ("programmes", "programs"),
        ("catalogue", "catalog"),
        ("catalogues", "catalogs"),
        ("analogue", "analog"),
    ];
    if let Some((_, us)) = PAIRS.iter().find(|(uk, _)| *uk == word) {
        return Cow::Borrowed(us);
    }
    // centre(s), fibre(s), metre(s), litre(s) → -er(s)
    for (uk, us) in [
        ("tre", "ter"),
        ("tres", "ters"),
        ("bre", "ber"),
        ("bres", "bers"),
    ] {
        if let Some(stem) = word.strip_suffix(uk)
            && stem.ends_with(|c: char| !"aeiou".contains(c))
        {
            return Cow::Owned(format!("{stem}{us}"));
        }
    }
    // behaviour, colour, labour, favour, honour (+ s, ed, ing, al) → -or…
    for end in ["our", "ours", "oured", "ouring", "oural"] {
        if let Some(stem) = word.strip_suffix(end)
            && stem.ends_with(['i', 'l', 'b', 'v', 'n', 'm'])
        {
            return Cow::Owned(format!("{stem}or{}", &end[3..]));
        }
    }
    Cow::Borrowed(word)
}

#[cfg(test)]
mod tests {
    use super::american;

    #[test]
    fn british_forms_fold_to_american() {
        for (uk, us) in [
            ("unauthorised", "unauthorized"),
            ("sanitisation", "sanitization"),
            ("organisations", "organizations"),
            ("minimising", "minimizing"),
            ("prioritise", "prioritize"),
            ("licence", "license"),
            ("programme", "program"),
            ("centres", "centers"),
            ("behaviour", "behavior"),
            ("labouring", "laboring"),
            ("catalogue", "catalog"),
        ] {
            assert_eq!(american(uk), us, "{uk}");
        }
    }

    #[test]
    fn american_and_short_words_are_unchanged() {
        for w in [
            "unauthorized",
            "sanitization",
            "license",
            "program",
            "center",
            "behavior",
            "hour",
            "rise",
            "tour",
            "contour",
            "centrally",
            "theatre'",
            "données",
        ] {
            assert_eq!(american(w), w, "{w}");
        }
    }
}
