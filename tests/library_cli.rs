//! `mc2 clauses check`, `mc2 clauses list` and `mc2 addendum` as a user runs
//! them: exit status, `file:line` messages and the document on stdout.
#![cfg(not(target_arch = "wasm32"))] // plain #[test]s do not run in the wasm runner

use std::path::PathBuf;
use std::process::{Command, Output};

fn mc2(args: &[&str]) -> Output {
    match Command::new(env!("CARGO_BIN_EXE_mc2")).args(args).output() {
        Ok(o) => o,
        Err(e) => panic!("cannot run mc2: {e}"),
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A scratch directory for one test, removed on drop.
struct Scratch(PathBuf);
impl Scratch {
    fn new(name: &str) -> Scratch {
        let p = std::env::temp_dir().join(format!("mc2-library-cli-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        let _ = std::fs::create_dir_all(&p);
        Scratch(p)
    }
    fn write(&self, name: &str, body: &str) -> String {
        let p = self.0.join(name);
        let _ = std::fs::write(&p, body);
        p.display().to_string()
    }
}
impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn check_builtin_says_ok() {
    let o = mc2(&["clauses", "check"]);
    assert!(o.status.success(), "{}", text(&o.stdout));
    assert_eq!(text(&o.stdout), "ok: 35 requirements\n");
}

#[test]
fn check_pack_reports_file_and_line_and_fails() {
    let dir = Scratch::new("check");
    let patch = mc2::library::BUILTIN_FILES
        .iter()
        .find(|(n, _)| *n == "PERF-PATCH.md")
        .map(|(_, t)| {
            t.replace(
                "{{patch_days}} Calendar Days after the earlier",
                "{{patch_dayz}} Calendar Days after the earlier",
            )
        })
        .unwrap_or_default();
    let file = dir.write("PERF-PATCH.md", &patch);
    let line = patch
        .lines()
        .position(|l| l.contains("{{patch_dayz}}"))
        .map_or(0, |i| i + 1);
    let o = mc2(&["clauses", "check", &dir.0.display().to_string()]);
    assert!(!o.status.success());
    assert_eq!(
        text(&o.stdout),
        format!(
            "{file}:{line}: placeholder `{{{{patch_dayz}}}}` is not declared: use {{{{supplier}}}}, {{{{customer}}}} or a threshold declared in this file\n"
        )
    );
    assert!(text(&o.stderr).contains("1 problem(s) found"));
}

#[test]
fn list_shows_every_requirement_in_order() {
    let o = mc2(&["clauses", "list"]);
    assert!(o.status.success());
    let ids: Vec<String> = text(&o.stdout)
        .lines()
        .filter_map(|l| l.split_whitespace().next().map(String::from))
        .collect();
    assert_eq!(ids, mc2::library::CATALOG);
}

#[test]
fn addendum_uses_the_values_file() {
    let dir = Scratch::new("addendum");
    let values = dir.write(
        "values.toml",
        "supplier = \"Vendor\"\ncustomer = \"Hospital\"\nsupplier_name = \"Acme Medical\"\n\n[playbook]\npatch_days = 15\n\n[[roadmap]]\nrequirement = \"PDM-AUTH\"\ntarget_date = \"2027-06-30\"\n",
    );
    let o = mc2(&["addendum", "--values", &values]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let md = text(&o.stdout);
    assert!(md.starts_with("# Cybersecurity Addendum\n"));
    assert!(md.contains("Acme Medical (\"Vendor\")"));
    assert!(md.contains("within 15 Calendar Days"));
    assert!(md.contains(
        "| Section 4.1 (Identification, authentication and authorisation) |  |  | 2027-06-30 |  |"
    ));

    let typo = dir.write(
        "typo.json",
        r#"{"supplier": "Vendor", "playbook": {"patch_dayz": 15}}"#,
    );
    let o = mc2(&["addendum", "--values", &typo]);
    assert!(!o.status.success());
    assert_eq!(
        text(&o.stderr),
        "mc2: playbook value `patch_dayz` names no threshold in the library\n"
    );
}

#[test]
fn a_pack_extends_list_and_addendum_and_broken_files_only_warn() {
    let dir = Scratch::new("pack");
    let patch = mc2::library::BUILTIN_FILES
        .iter()
        .find(|(n, _)| *n == "PERF-PATCH.md")
        .map(|(_, t)| {
            t.replace("id = \"PERF-PATCH\"", "id = \"X-PATCH-HOUSE\"")
                .replace("patch_", "house_patch_")
        })
        .unwrap_or_default();
    dir.write("X-PATCH-HOUSE.md", &patch);
    let broken = dir.write("X-BROKEN.md", "+++\nid = 'X-BROKEN'\n");
    let pack = dir.0.display().to_string();

    let o = mc2(&["clauses", "list", "--pack", &pack]);
    assert!(o.status.success());
    let out = text(&o.stdout);
    assert_eq!(out.lines().count(), 36);
    assert!(
        out.lines()
            .last()
            .is_some_and(|l| l.starts_with("X-PATCH-HOUSE") && l.ends_with("(pack)")),
        "{out}"
    );
    assert_eq!(
        text(&o.stderr),
        format!("warning: {broken}:1: front matter opened with `+++` is never closed\n")
    );

    let o = mc2(&["addendum", "--pack", &pack]);
    assert!(o.status.success());
    assert!(text(&o.stdout).contains("### 5.7 Security patches and updates"));
}
