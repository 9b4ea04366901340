//! `mc2 … | head`: when the reader of its output goes away, the CLI stops
//! quietly like `cat` or `grep` instead of printing a Rust panic.
#![cfg(all(unix, not(target_arch = "wasm32")))]

use std::io::Read;
use std::process::{Command, Stdio};

#[test]
fn a_closed_pipe_ends_the_output_without_a_panic() {
    let dir = std::env::temp_dir().join(format!("mc2-cli-pipe-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let file = dir.join("contract.txt");
    // Large enough that the JSON report overflows any pipe buffer.
    std::fs::write(&file, mc2::engine::synth::contract(20, 7)).expect("write scratch file");
    let mut child = Command::new(env!("CARGO_BIN_EXE_mc2"))
        .arg("analyze")
        .arg(&file)
        .arg("--json")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run mc2");
    let mut first = [0u8; 64];
    let mut out = child.stdout.take().expect("stdout pipe");
    out.read_exact(&mut first).expect("the report starts");
    drop(out);
    let mut err = String::new();
    child
        .stderr
        .take()
        .expect("stderr pipe")
        .read_to_string(&mut err)
        .expect("read stderr");
    let status = child.wait().expect("mc2 ends");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        String::from_utf8_lossy(&first)
            .trim_start()
            .starts_with('{')
    );
    assert!(!err.contains("panicked"), "stderr: {err}");
    assert_eq!(status.code(), Some(141), "stderr: {err}");
}
