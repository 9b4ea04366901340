//! Custom clause packs: files in the clause format that override or extend
//! the built-in requirements. A pack is hostile input, so every file is
//! parsed with the library's validating parser and each problem comes back as
//! a diagnostic naming the file and line; bad files are skipped, never fatal.

use super::PackFile;
use crate::library::{Diagnostic, Library};

/// The built-in library with every valid pack file applied (same ID replaces,
/// new ID is added), plus the diagnostics of the files that were rejected.
/// Delegates to [`Library::with_pack`], which validates each file.
pub fn library_with(files: &[PackFile]) -> (Library, Vec<Diagnostic>) {
    let pairs: Vec<(&str, &str)> = files
        .iter()
        .map(|f| (f.name.as_str(), f.text.as_str()))
        .collect();
    Library::builtin().with_pack(&pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_pack_files_are_reported_with_file_and_line_and_skipped() {
        let files = vec![PackFile {
            name: "broken.md".into(),
            text: "no front matter here".into(),
        }];
        let (lib, diags) = library_with(&files);
        assert_eq!(
            lib.requirements.len(),
            Library::builtin().requirements.len()
        );
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].file, "broken.md");
        assert_eq!(diags[0].line, 1);
    }

    #[test]
    fn a_valid_pack_file_overrides_the_builtin_requirement() {
        let builtin = Library::builtin();
        let Some(first) = builtin.requirements.first() else {
            return; // no clause files merged yet: nothing to override
        };
        let text = crate::library::BUILTIN_FILES
            .iter()
            .find(|(n, _)| format!("clauses/{n}") == first.source)
            .map(|(_, t)| t.replace(&first.meta.title, "Custom title"));
        let Some(text) = text else { return };
        let (lib, diags) = library_with(&[PackFile {
            name: "mine.md".into(),
            text,
        }]);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(lib.requirements.len(), builtin.requirements.len());
        assert_eq!(
            lib.get(&first.meta.id).map(|r| r.meta.title.as_str()),
            Some("Custom title")
        );
    }
}
