//! Writing DOCX zip packages deterministically: every entry we write gets
//! the same fixed timestamp (1980-01-01, the zip epoch) and deflate
//! compression, so the same input gives byte-identical output.

use super::ExportError;
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

fn options() -> SimpleFileOptions {
    SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
}

fn write_err(_: impl std::fmt::Display) -> ExportError {
    ExportError::Write
}

/// Copy `package` entry by entry (compressed bytes untouched) and replace
/// `word/document.xml` with `document_xml`.
pub fn rewrite(package: &[u8], document_xml: &str) -> Result<Vec<u8>, ExportError> {
    let mut zip = ZipArchive::new(Cursor::new(package)).map_err(|_| ExportError::Source)?;
    let mut out = ZipWriter::new(Cursor::new(Vec::with_capacity(package.len() + 4096)));
    for i in 0..zip.len() {
        let file = zip.by_index_raw(i).map_err(|_| ExportError::Source)?;
        if file.name() == "word/document.xml" {
            drop(file);
            out.start_file("word/document.xml", options())
                .map_err(write_err)?;
            out.write_all(document_xml.as_bytes()).map_err(write_err)?;
        } else {
            out.raw_copy_file(file).map_err(write_err)?;
        }
    }
    Ok(out.finish().map_err(write_err)?.into_inner())
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

const DOC_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-US"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style></w:styles>"#;

const DOC_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>"#;

const DOC_TAIL: &str = r#"<w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>"#;

/// A minimal valid package (content types, relationships, styles,
/// document) around `body` (a sequence of `<w:p>` elements).
pub fn minimal(body: &str) -> Result<Vec<u8>, ExportError> {
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    let document = format!("{DOC_HEAD}{body}{DOC_TAIL}");
    for (name, data) in [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", RELS),
        ("word/_rels/document.xml.rels", DOC_RELS),
        ("word/styles.xml", STYLES),
        ("word/document.xml", document.as_str()),
    ] {
        out.start_file(name, options()).map_err(write_err)?;
        out.write_all(data.as_bytes()).map_err(write_err)?;
    }
    Ok(out.finish().map_err(write_err)?.into_inner())
}
