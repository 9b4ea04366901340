//! Bad input gives a clear, typed error (never a panic, never a half-read
//! contract): not a DOCX, a zip without `word/document.xml`, an encrypted
//! (password-protected) DOCX, zip bombs, files over 25 MB, empty files,
//! binary files renamed .txt, and PDFs.
#![cfg(not(target_arch = "wasm32"))] // plain #[test]s do not run in the wasm runner

use mc2::import::{ImportError, MAX_FILE_BYTES, open};
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

fn zip_of(entries: &[(&str, &[u8])], method: CompressionMethod) -> Vec<u8> {
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(method);
    for (name, data) in entries {
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn err(name: &str, bytes: &[u8]) -> ImportError {
    match open(name, bytes) {
        Ok(o) => panic!("{name} opened: {:?}", &o.text[..o.text.len().min(80)]),
        Err(e) => e,
    }
}

#[test]
fn not_a_zip_named_docx() {
    let e = err(
        "contract.docx",
        b"Just some text pretending to be a Word file.",
    );
    assert!(matches!(e, ImportError::NotDocx { .. }));
    assert!(e.to_string().contains("not a Word .docx document"), "{e}");
}

#[test]
fn zip_without_document_part() {
    let bytes = zip_of(
        &[("hello.txt", b"hi"), ("[Content_Types].xml", b"<Types/>")],
        CompressionMethod::Deflated,
    );
    let e = err("contract.docx", &bytes);
    assert!(matches!(e, ImportError::NotDocx { .. }));
    assert!(e.to_string().contains("word/document.xml"), "{e}");
    // The same zip renamed .txt is called what it is: not text.
    assert_eq!(err("contract.txt", &bytes), ImportError::Binary);
}

#[test]
fn encrypted_docx_is_password_protected() {
    // Word saves a password-protected .docx as an OLE compound file.
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(4096, 0);
    let e = err("secret.docx", &bytes);
    assert_eq!(e, ImportError::Encrypted);
    assert!(e.to_string().contains("password-protected"), "{e}");
}

#[test]
fn zip_bomb_with_too_many_entries() {
    let names: Vec<String> = (0..10_001)
        .map(|i| format!("word/media/x{i}.bin"))
        .collect();
    let entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
    let bytes = zip_of(&entries, CompressionMethod::Stored);
    let e = err("bomb.docx", &bytes);
    assert!(matches!(e, ImportError::ZipBomb { .. }), "{e:?}");
    assert!(e.to_string().contains("10000"), "{e}");
}

#[test]
fn zip_bomb_with_huge_unpacked_size() {
    let zeros = vec![b' '; 101 * 1024 * 1024];
    let bytes = zip_of(
        &[("word/document.xml", &zeros)],
        CompressionMethod::Deflated,
    );
    assert!(
        bytes.len() < MAX_FILE_BYTES,
        "the bomb itself is small ({} bytes)",
        bytes.len()
    );
    let e = err("bomb.docx", &bytes);
    assert!(matches!(e, ImportError::ZipBomb { .. }), "{e:?}");
    assert!(e.to_string().contains("too much data"), "{e}");
}

#[test]
fn files_over_25_mb_are_refused_before_parsing() {
    let bytes = vec![b'a'; MAX_FILE_BYTES + 1];
    let e = err("big.txt", &bytes);
    assert!(matches!(e, ImportError::TooLarge { .. }));
    assert!(e.to_string().contains("25 MB"), "{e}");
}

#[test]
fn empty_files_and_blank_documents() {
    assert_eq!(err("empty.txt", b""), ImportError::Empty);
    assert_eq!(err("blank.md", b" \n\r\n\t "), ImportError::Empty);
    let doc = br#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p/><w:p><w:r><w:t> </w:t></w:r></w:p></w:body></w:document>"#;
    let bytes = zip_of(&[("word/document.xml", doc)], CompressionMethod::Deflated);
    assert_eq!(err("blank.docx", &bytes), ImportError::Empty);
    assert!(ImportError::Empty.to_string().contains("empty"));
}

#[test]
fn binary_renamed_txt() {
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend((0..2000u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8));
    let e = err("contract.txt", &png);
    assert_eq!(e, ImportError::Binary);
    assert!(e.to_string().contains("does not contain text"), "{e}");
}

#[test]
fn pdf_gets_copy_paste_instructions() {
    let e = err(
        "contract.pdf",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
    );
    assert_eq!(e, ImportError::Pdf);
    assert!(e.to_string().contains("copy it"), "{e}");
}

#[test]
fn damaged_document_xml() {
    let bytes = zip_of(
        &[("word/document.xml", b"<w:document><w:body><w:p></w:body>")],
        CompressionMethod::Deflated,
    );
    let e = err("broken.docx", &bytes);
    assert!(matches!(e, ImportError::Corrupt { .. }), "{e:?}");
    assert!(e.to_string().contains("damaged"), "{e}");
}

#[test]
fn text_files_in_common_encodings_open() {
    let o = open("c.txt", b"Clause 1.\r\nThe Supplier\x92s duty.").unwrap();
    assert_eq!(o.text, "Clause 1.\nThe Supplier\u{2019}s duty.");
    let md = open("c.md", "# Terms\n\nSupplier shall patch.".as_bytes()).unwrap();
    assert_eq!(md.kind, mc2::import::Kind::Markdown);
    assert!(md.warnings.is_empty());
}
