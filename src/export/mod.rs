//! Exports of the revised contract and of the findings report: DOCX with
//! tracked changes, Markdown, plain text, standalone HTML report, JSON, CSV.
