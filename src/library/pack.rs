//! Custom packs: clause files loaded at run time that override or extend the
//! built-in library.
//!
//! Why: a hospital or group purchasing organisation keeps its own positions
//! (stricter deadlines, house wording, extra requirements). A pack uses the
//! same file format as `clauses/`; each valid file replaces the built-in
//! requirement with the same ID as a whole, or adds a new requirement. A pack
//! is untrusted: invalid files are skipped with diagnostics and nothing here
//! panics. The core does no IO; callers pass `(file name, text)` pairs.

use super::validate::{Mode, check_file, cross_check};
use super::{Diagnostic, Library, Requirement};
use std::collections::BTreeMap;

impl Library {
    /// This library with a pack applied, plus the problems found in the pack.
    /// Files with any problem are skipped as a whole.
    pub fn with_pack<N: AsRef<str>, T: AsRef<str>>(
        &self,
        files: &[(N, T)],
    ) -> (Library, Vec<Diagnostic>) {
        let mut lib = self.clone();
        let mut diags = Vec::new();
        let mut ids = BTreeMap::new();
        let mut names = BTreeMap::new();
        for (file, text) in files {
            let (file, text) = (file.as_ref(), text.as_ref());
            let req = match check_file(file, text, Mode::Pack) {
                Ok(req) => req,
                Err(d) => {
                    diags.extend(d);
                    continue;
                }
            };
            let mut problems = cross_check(&req, text, &mut ids, &mut names);
            let lines: Vec<&str> = text.lines().collect();
            for t in &req.meta.thresholds {
                let owner = self.requirements.iter().find(|r| {
                    r.meta.id != req.meta.id && r.meta.thresholds.iter().any(|x| x.name == t.name)
                });
                if let Some(owner) = owner {
                    let line = lines
                        .iter()
                        .position(|l| {
                            l.trim_start().starts_with("name") && l.contains(t.name.as_str())
                        })
                        .map_or(1, |i| i + 1);
                    problems.push(Diagnostic {
                        file: file.to_string(),
                        line,
                        message: format!(
                            "threshold name `{}` already belongs to {} ({}); choose another name",
                            t.name, owner.meta.id, owner.source
                        ),
                    });
                }
            }
            if problems.is_empty() {
                lib.put(req);
            } else {
                diags.extend(problems);
            }
        }
        (lib, diags)
    }

    /// Replace the requirement with the same ID in place, or add a new one
    /// after the last requirement of its pillar.
    fn put(&mut self, req: Requirement) {
        if let Some(slot) = self
            .requirements
            .iter_mut()
            .find(|r| r.meta.id == req.meta.id)
        {
            *slot = req;
            return;
        }
        let at = self
            .requirements
            .iter()
            .rposition(|r| r.meta.pillar <= req.meta.pillar)
            .map_or(0, |i| i + 1);
        self.requirements.insert(at, req);
    }
}
