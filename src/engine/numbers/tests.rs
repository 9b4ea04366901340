//! Unit tests for durations and triggers, over phrasings found in real contracts.

use super::*;

/// "value unit [ambiguous] trigger(kind, late) «trigger text»" for each duration.
fn show(text: &str) -> String {
    durations(text)
        .iter()
        .map(|d| {
            let trig = d.trigger.map_or("-".to_string(), |t| {
                format!(
                    "{:?}{} «{}»",
                    t.kind,
                    if t.late { " late" } else { "" },
                    &text[t.span.start..t.span.end]
                )
            });
            format!(
                "{} {:?}{} {} «{}»",
                d.value,
                d.unit,
                if d.unit_ambiguous { " ambiguous" } else { "" },
                trig,
                &text[d.span.start..d.span.end]
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn words_digits_and_echoes() {
    expect_test::expect![[r#"
        30 CalendarDays ambiguous Other «of» «thirty (30) days»
        72 Hours Awareness «after becoming aware» «seventy-two (72) hours»
        24 Months Advance «prior to» «24 (twenty-four) months»
        1 Years - «one (1) year»
        180 CalendarDays ambiguous - «one hundred eighty (180) days»"#]]
    .assert_eq(&show(
        "within thirty (30) days of the Effective Date; within seventy-two (72) hours after becoming aware; \
         at least 24 (twenty-four) months prior to End of Support; for one (1) year. Within one hundred eighty (180) days.",
    ));
}

#[test]
fn units_and_qualifiers() {
    expect_test::expect![[r#"
        3 BusinessDays - «three (3) business days»
        10 BusinessDays - «ten working days»
        30 CalendarDays - «30 calendar days»
        14 CalendarDays - «2 weeks»
        48 Hours - «48 hrs»
        5 Years - «five-year»
        30 CalendarDays ambiguous - «30-day»"#]]
    .assert_eq(&show(
        "three (3) business days; ten working days; 30 calendar days; 2 weeks; 48 hrs; a five-year term; a 30-day cure period",
    ));
}

#[test]
fn triggers_people_write() {
    expect_test::expect![[r#"
        30 CalendarDays ambiguous Release «after release» «30 days»
        15 CalendarDays ambiguous Discovery «of discovery» «fifteen (15) days»
        90 CalendarDays ambiguous Confirmation late «after Supplier's confirmation» «ninety (90) days»
        60 CalendarDays ambiguous Confirmation late «following completion of its investigation» «sixty (60) days»
        5 BusinessDays Notice «of receipt» «five (5) business days»
        10 CalendarDays ambiguous Request «upon written request» «10 days»
        12 Months Delivery «from the date of installation» «twelve (12) months»
        90 CalendarDays ambiguous Advance «notice» «ninety (90) days»
        6 Months Advance «in advance» «six (6) months»
        30 CalendarDays ambiguous Release «after the third-party patch is released» «30 days»
        24 Months Advance «notification» «24 months»
        12 Months Advance «ahead» «12 months»
        12 Months Advance «prior to» «twelve (12) month»
        20 CalendarDays ambiguous Other «of» «20 days»"#]]
    .assert_eq(&show(
        "within 30 days after release. within fifteen (15) days of discovery. within ninety (90) days after Supplier's confirmation. \
         within sixty (60) days following completion of its investigation. within five (5) business days of receipt of notice. \
         within 10 days upon written request. for twelve (12) months from the date of installation. upon ninety (90) days' notice. \
         six (6) months in advance. within 30 days after the third-party patch is released. \
         24 months' notification prior to End of Life. 12 months ahead of the shut-down date. \
         a twelve (12) month period prior to the claim. within 20 days of its occurrence, give notice.",
    ));
}

#[test]
fn ranges_take_the_larger_and_non_durations_are_skipped() {
    expect_test::expect![[r#"
        60 CalendarDays ambiguous - «30 to 60 days»
        10 BusinessDays - «5-10 business days»"#]]
    .assert_eq(&show(
        "within 30 to 60 days; within 5-10 business days; a day; Section 5 applies; one of the parties; 2,000 units; 24/7 support; 24 hours a day, 7 days a week; 3 visits per year",
    ));
}

#[test]
fn odd_input_never_panics() {
    for s in [
        "",
        "(",
        "thirty (",
        "30 (thirty",
        "99999999999999999999999 days",
        "ninety-",
        "١٢ days 🙂 3 日",
    ] {
        let _ = durations(s);
    }
    assert_eq!(durations("99999999999999999999999 days").len(), 1);
}
