//! Reading a .docx package safely: refuse zip bombs (entry count, declared
//! and actual unpacked size), encrypted entries and packages without
//! `word/document.xml`, then read the parts the importer needs (document,
//! numbering, styles, footnotes) and hand them to the body parser.

use super::docx::parse_body;
use super::numbering::{Numbering, attr};
use super::source::DocxSource;
use super::{ImportError, ImportOptions, Kind, MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES, Opened};
use quick_xml::events::Event;
use quick_xml::reader::Reader;
use std::collections::HashMap;
use std::io::{Cursor, Read};
use zip::ZipArchive;
use zip::result::ZipError;

type Archive<'a> = ZipArchive<Cursor<&'a [u8]>>;

/// Open the zip, check limits, read the parts and parse the body.
pub fn open_docx(bytes: &[u8], opts: ImportOptions) -> Result<Opened, ImportError> {
    let mut zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| match e {
        ZipError::UnsupportedArchive(m) if m == ZipError::PASSWORD_REQUIRED => {
            ImportError::Encrypted
        }
        _ => ImportError::Corrupt {
            detail: "the zip archive is damaged".into(),
        },
    })?;
    if zip.len() > MAX_ZIP_ENTRIES {
        return Err(ImportError::ZipBomb {
            detail: format!("{} entries; the limit is {MAX_ZIP_ENTRIES}", zip.len()),
        });
    }
    let mut declared: u64 = 0;
    for i in 0..zip.len() {
        let f = zip.by_index_raw(i).map_err(|_| ImportError::Corrupt {
            detail: "the zip archive is damaged".into(),
        })?;
        declared = declared.saturating_add(f.size());
    }
    if declared > MAX_UNZIPPED_BYTES {
        return Err(ImportError::ZipBomb {
            detail: format!(
                "{} MB declared; the limit is {} MB",
                declared >> 20,
                MAX_UNZIPPED_BYTES >> 20
            ),
        });
    }
    let mut budget = MAX_UNZIPPED_BYTES;
    let document_xml = read_part(&mut zip, "word/document.xml", &mut budget)?.ok_or_else(|| {
        ImportError::NotDocx {
            detail: "the package has no word/document.xml".into(),
        }
    })?;
    let numbering = read_part(&mut zip, "word/numbering.xml", &mut budget)?.unwrap_or_default();
    let styles = read_part(&mut zip, "word/styles.xml", &mut budget)?.unwrap_or_default();
    let footnotes = read_part(&mut zip, "word/footnotes.xml", &mut budget)?.unwrap_or_default();
    let mut parsed = parse_body(
        &document_xml,
        Numbering::parse(&numbering, &styles),
        &parse_footnotes(&footnotes),
        opts,
    )?;
    if parsed.text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let has_furniture = zip
        .file_names()
        .any(|n| n.starts_with("word/header") || n.starts_with("word/footer"));
    if has_furniture {
        parsed
            .warnings
            .push("Headers and footers were left out (page furniture).".into());
    }
    Ok(Opened {
        text: parsed.text,
        kind: Kind::Docx,
        warnings: parsed.warnings,
        tracked_changes: parsed.tracked,
        docx: Some(DocxSource {
            package: bytes.to_vec(),
            document_xml,
            paragraphs: parsed.paragraphs,
            body_start: parsed.body_start,
            body_end: parsed.body_end,
        }),
    })
}

/// Read one part as UTF-8, charging its size to `budget`. `Ok(None)` when the
/// part does not exist.
fn read_part(
    zip: &mut Archive<'_>,
    name: &str,
    budget: &mut u64,
) -> Result<Option<String>, ImportError> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(ZipError::FileNotFound) => return Ok(None),
        Err(ZipError::UnsupportedArchive(m)) if m == ZipError::PASSWORD_REQUIRED => {
            return Err(ImportError::Encrypted);
        }
        Err(_) => {
            return Err(ImportError::Corrupt {
                detail: format!("{name} cannot be unpacked"),
            });
        }
    };
    let mut buf = Vec::new();
    file.take(*budget + 1)
        .read_to_end(&mut buf)
        .map_err(|_| ImportError::Corrupt {
            detail: format!("{name} cannot be unpacked"),
        })?;
    if buf.len() as u64 > *budget {
        return Err(ImportError::ZipBomb {
            detail: format!("more than {} MB unpacked", MAX_UNZIPPED_BYTES >> 20),
        });
    }
    *budget -= buf.len() as u64;
    let body = buf.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(&buf);
    String::from_utf8(body.to_vec())
        .map(Some)
        .map_err(|_| ImportError::Corrupt {
            detail: format!("{name} is not UTF-8 XML"),
        })
}

/// Footnote id → its text (separator footnotes left out).
fn parse_footnotes(xml: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let mut r = Reader::from_str(xml);
    let mut cur: Option<(String, String)> = None;
    let mut in_t = false;
    loop {
        match r.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(Event::Start(e)) => match e.local_name().as_ref() {
                b"footnote" => {
                    let special = attr(&e, b"type").is_some_and(|t| t != "normal");
                    cur = (!special).then(|| (attr(&e, b"id").unwrap_or_default(), String::new()));
                }
                b"t" => in_t = true,
                b"p" => {
                    if let Some((_, t)) = &mut cur
                        && !t.is_empty()
                        && !t.ends_with(' ')
                    {
                        t.push(' ');
                    }
                }
                _ => {}
            },
            Ok(Event::Text(t)) if in_t => {
                if let (Some((_, s)), Ok(u)) = (&mut cur, t.unescape()) {
                    s.push_str(&u);
                }
            }
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                b"t" => in_t = false,
                b"footnote" => {
                    if let Some((id, t)) = cur.take() {
                        out.insert(id, t.trim().to_string());
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }
    out
}
