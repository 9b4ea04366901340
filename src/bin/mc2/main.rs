//! `mc2`: the native command-line tool over the same core as the browser app.
//!
//! Every command reads files, hands strings to the pure core and prints the
//! result. Bad input gives a one-line error and a non-zero exit, never a panic.

mod analyze;
mod clauses;
mod export;

use std::process::ExitCode;

const HELP: &str = "\
mc2 — MC2-style medical-device cybersecurity contract review (offline)

USAGE:
    mc2 <COMMAND> [OPTIONS]

COMMANDS:
    analyze FILE       Analyse a contract (.txt, .md, .docx) against the MC2 requirements
                       [--json | --csv | --markdown] [--playbook FILE] [--pack DIR]
                       [--perspective customer|supplier]
                       [--insert missing | --insert ID,ID…] [--export-docx OUT.docx]
                       [--export-md OUT.md] [--report OUT.html]
    batch DIR          Analyse every contract in DIR: --csv OUT.csv (one row per contract × requirement)
    eval FILE.jsonl    Score clause-level detection on a labelled file; prints one JSON object
                       [--pack DIR] [--errors (list every wrong clause on stderr)]
    eval --docs DIR    Score whole documents (*.txt with *.labels.json)
    bench              Time the analysis of synthetic 20/100/1000-page contracts
    clauses check [DIR]  Validate a clause pack (default: the built-in library)
    addendum [--values FILE] [--pack DIR]
                       Print a complete Cybersecurity Addendum in Markdown

OPTIONS:
    -h, --help         Print this help
    -V, --version      Print the version

No contract text leaves this machine: mc2 makes no network requests.
";

/// Exit quietly, as `cat` or `grep` do, when the reader of our output goes
/// away (`mc2 eval … | head`): Rust ignores SIGPIPE, so `println!` would
/// otherwise panic with "failed printing to stdout: Broken pipe".
fn quiet_on_broken_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let msg = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if msg.contains("Broken pipe") {
            // 128 + SIGPIPE, the status a shell reports for a writer the pipe closed on.
            std::process::exit(141);
        }
        default(info);
    }));
}

fn main() -> ExitCode {
    quiet_on_broken_pipe();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        None | Some("-h" | "--help" | "help") => {
            print!("{HELP}");
            Ok(())
        }
        Some("-V" | "--version") => {
            println!("mc2 {}", mc2::VERSION);
            Ok(())
        }
        Some("analyze") => analyze::analyze(&args[1..]),
        Some("batch") => analyze::batch(&args[1..]),
        Some("eval") => analyze::eval(&args[1..]),
        Some("bench") => analyze::bench(&args[1..]),
        Some("clauses") => clauses::clauses(&args[1..]),
        Some("addendum") => clauses::addendum(&args[1..]),
        Some(other) => Err(format!("unknown command `{other}` (try `mc2 --help`)")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("mc2: {msg}");
            ExitCode::FAILURE
        }
    }
}
