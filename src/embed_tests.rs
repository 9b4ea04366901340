//! Native tests of the embed protocol: who may drive an embedded app, and
//! which messages are accepted. These are the rules that keep a hostile page
//! from steering a reviewer's session or pulling their contract out.

use super::*;
use crate::engine::Perspective;

const HOST: &str = "https://intranet.example-hospital.org";

fn cfg() -> EmbedConfig {
    EmbedConfig::parse(&format!("allowed_origins = [\"{HOST}\"]")).unwrap()
}

fn reason(r: Result<EmbedCommand, EmbedError>) -> String {
    match r {
        Err(EmbedError::Malformed(why)) => why,
        other => panic!("expected a malformed-message error, got {other:?}"),
    }
}

#[test]
fn shipped_embed_toml_parses_and_allows_nobody_by_default() {
    let c = EmbedConfig::parse(EMBED_TOML).unwrap();
    assert!(c.allowed_origins.is_empty(), "default must be closed");
}

#[test]
fn a_message_from_a_non_allowed_origin_is_ignored() {
    let msg = r#"{"type":"mc2:set-perspective","perspective":"supplier"}"#;
    for origin in [
        "https://evil.example",
        "http://intranet.example-hospital.org",
        "https://intranet.example-hospital.org:8443",
        "https://intranet.example-hospital.org.evil.example",
        "null",
        "",
    ] {
        assert_eq!(
            cfg().parse_message(origin, msg),
            Err(EmbedError::OriginNotAllowed(origin.to_string())),
            "{origin}"
        );
    }
    assert_eq!(
        cfg().parse_message(HOST, msg),
        Ok(EmbedCommand::SetPerspective(Perspective::Supplier))
    );
}

#[test]
fn an_empty_allow_list_allows_no_origin() {
    let c = EmbedConfig::default();
    assert!(!c.allows(HOST));
    assert!(matches!(
        c.parse_message(HOST, r#"{"type":"mc2:request-export"}"#),
        Err(EmbedError::OriginNotAllowed(_))
    ));
}

#[test]
fn config_rejects_wildcards_paths_and_other_schemes() {
    for bad in [
        "*",
        "https://*.example.org",
        "https://a.org/",
        "https://a.org/x",
        "file://",
        "a.org",
        "https://",
    ] {
        let r = EmbedConfig::parse(&format!("allowed_origins = [\"{bad}\"]"));
        assert!(matches!(r, Err(EmbedError::Config(_))), "{bad}: {r:?}");
    }
    assert!(matches!(
        EmbedConfig::parse("allowed = []"),
        Err(EmbedError::Config(_))
    ));
}

#[test]
fn override_list_is_comma_separated_and_deduplicated() {
    let c =
        EmbedConfig::from_override(" http://127.0.0.1:8123 ,https://A.example,https://a.example,")
            .unwrap();
    assert_eq!(
        c.allowed_origins,
        vec!["http://127.0.0.1:8123", "https://a.example"]
    );
    assert!(c.allows("http://127.0.0.1:8123"));
    assert!(!c.allows("http://localhost:8123"));
}

#[test]
fn malformed_messages_are_ignored_with_a_reason() {
    let c = cfg();
    assert!(reason(c.parse_message(HOST, "not json")).starts_with("not JSON"));
    assert!(reason(c.parse_message(HOST, "[1,2]")).contains("JSON object"));
    assert!(reason(c.parse_message(HOST, r#"{"kind":"x"}"#)).contains("\"type\""));
    assert!(reason(c.parse_message(HOST, r#"{"type":"mc2:launch"}"#)).contains("unknown type"));
    assert!(
        reason(c.parse_message(HOST, r#"{"type":"webpackOk"}"#)).contains("not an mc2 message")
    );
    assert!(
        reason(c.parse_message(
            HOST,
            r#"{"type":"mc2:set-perspective","perspective":"lawyer"}"#
        ))
        .contains("customer")
    );
    let huge = format!(
        r#"{{"type":"mc2:set-pack","files":[{{"name":"a","text":"{}"}}]}}"#,
        "x".repeat(MAX_MESSAGE_BYTES)
    );
    assert!(reason(c.parse_message(HOST, &huge)).contains("limit"));
}

#[test]
fn pack_files_need_a_name_and_text() {
    let c = cfg();
    let ok = c.parse_message(
        HOST,
        r#"{"type":"mc2:set-pack","files":[{"name":"X.md","text":"+++\n+++"}]}"#,
    );
    assert_eq!(
        ok,
        Ok(EmbedCommand::SetPack(vec![PackFile {
            name: "X.md".into(),
            text: "+++\n+++".into()
        }]))
    );
    assert!(
        reason(c.parse_message(HOST, r#"{"type":"mc2:set-pack","files":[{"text":"t"}]}"#))
            .contains("pack file 1")
    );
    assert!(
        reason(c.parse_message(HOST, r#"{"type":"mc2:set-pack","files":"x"}"#)).contains("array")
    );
}

#[test]
fn playbook_values_must_be_non_negative_numbers() {
    let c = cfg();
    let ok = c.parse_message(
        HOST,
        r#"{"type":"mc2:set-playbook","values":{"patch_days":14,"notice_months":6.5}}"#,
    );
    let mut want = BTreeMap::new();
    want.insert("notice_months".to_string(), 6.5);
    want.insert("patch_days".to_string(), 14.0);
    assert_eq!(ok, Ok(EmbedCommand::SetPlaybook(want)));
    assert!(
        reason(c.parse_message(
            HOST,
            r#"{"type":"mc2:set-playbook","values":{"patch_days":-1}}"#
        ))
        .contains("patch_days")
    );
    assert!(
        reason(c.parse_message(
            HOST,
            r#"{"type":"mc2:set-playbook","values":{"patch_days":"30"}}"#
        ))
        .contains("number")
    );
}

#[test]
fn theme_accepts_colours_and_fonts_but_nothing_that_loads_a_resource() {
    let c = cfg();
    let ok = c.parse_message(
        HOST,
        r##"{"type":"mc2:set-theme","theme":{"--mc2-accent":"#0a5c36","--mc2-font":"\"Segoe UI\", sans-serif","--mc2-bg":"rgb(250, 250, 250)"}}"##,
    );
    assert_eq!(
        ok,
        Ok(EmbedCommand::SetTheme(vec![
            ("--mc2-accent".into(), "#0a5c36".into()),
            ("--mc2-bg".into(), "rgb(250, 250, 250)".into()),
            ("--mc2-font".into(), "\"Segoe UI\", sans-serif".into()),
        ]))
    );
    for bad in [
        r#"{"--mc2-bg":"url(https://evil.example/x.png)"}"#,
        r#"{"--mc2-bg":"red; background: blue"}"#,
        r#"{"--mc2-bg":"image-set(x)"}"#,
        r#"{"color":"red"}"#,
        r#"{"--other-bg":"red"}"#,
        r#"{"--mc2-bg":""}"#,
        r#"{"--mc2-bg":"}body{display:none"}"#,
    ] {
        let msg = format!(r#"{{"type":"mc2:set-theme","theme":{bad}}}"#);
        assert!(
            matches!(c.parse_message(HOST, &msg), Err(EmbedError::Malformed(_))),
            "{bad}"
        );
    }
}

#[test]
fn export_is_only_a_request() {
    assert_eq!(
        cfg().parse_message(HOST, r#"{"type":"mc2:request-export"}"#),
        Ok(EmbedCommand::RequestExport)
    );
    assert_eq!(EmbedCommand::RequestExport.kind(), "mc2:request-export");
}

#[test]
fn embed_mode_query_flag() {
    assert!(is_embed_query("?embed"));
    assert!(is_embed_query("?lang=en&embed=1"));
    assert!(is_embed_query("embed=true"));
    assert!(!is_embed_query("?embed=0"));
    assert!(!is_embed_query("?embedded=1"));
    assert!(!is_embed_query(""));
}

#[test]
fn outbound_messages_carry_text_only_on_export() {
    assert!(!outbound::ready().contains("text"));
    assert!(!outbound::export_declined().contains("text"));
    let v: serde_json::Value = serde_json::from_str(&outbound::export("Clause 1 \"x\"")).unwrap();
    assert_eq!(v["type"], "mc2:export");
    assert_eq!(v["text"], "Clause 1 \"x\"");
    assert_eq!(
        outbound::ack("mc2:set-theme"),
        r#"{"for":"mc2:set-theme","type":"mc2:ack"}"#
    );
}

#[test]
fn commands_map_onto_reducer_actions() {
    use crate::review::{Action, State};
    let c = cfg();
    let mut state = State::default();
    for msg in [
        r#"{"type":"mc2:set-perspective","perspective":"supplier"}"#,
        r#"{"type":"mc2:set-playbook","values":{"patch_days":14}}"#,
        r#"{"type":"mc2:set-pack","files":[{"name":"X.md","text":"not a clause"}]}"#,
    ] {
        let cmd = c.parse_message(HOST, msg).unwrap();
        for a in cmd.actions().unwrap() {
            state = state.reduce(a);
        }
    }
    assert_eq!(state.perspective, Perspective::Supplier);
    assert_eq!(state.playbook.values.get("patch_days"), Some(&14.0));
    assert_eq!(state.pack.len(), 1);
    assert_eq!(state.pack[0].name, "X.md");
    assert_eq!(EmbedCommand::RequestExport.actions(), None::<Vec<Action>>);
}
