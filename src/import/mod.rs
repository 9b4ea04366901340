//! Opening files: DOCX, plain text and Markdown (with encoding detection).
//! Bad input is a typed [`ImportError`] with a message for people; the
//! caller's current contract is never touched by a failed import.
