//! The embed protocol, pure: what an intranet page that hosts the app in an
//! `<iframe>` may say to it through `postMessage`, and who may say it.
//!
//! Why here and not in the browser shell: the rules that keep a hostile page
//! from driving the app (origin allow-list, message shapes, size limits, safe
//! theme values) are security decisions, so they live in the core and are
//! tested natively. `src/app/embed.rs` only moves strings between the
//! browser's `message` event and [`parse_message`], and maps the resulting
//! [`EmbedCommand`] onto the app's reducer actions.
//!
//! The allow-list comes from `embed.toml` at the crate root, read at compile
//! time; the environment variable `MC2_EMBED_ORIGINS` (comma-separated
//! origins), if set when the app is compiled, replaces it. An empty list means
//! no page can drive the app (the iframe still works, without the API).

use crate::review::PackFile;
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;

/// `embed.toml`, as shipped with the source.
pub const EMBED_TOML: &str = include_str!("../embed.toml");

/// Prefix of every message type, both directions.
pub const PREFIX: &str = "mc2:";
/// Largest message accepted, in bytes of JSON (a clause pack is text).
pub const MAX_MESSAGE_BYTES: usize = 4 * 1024 * 1024;
/// Most clause-pack files in one message.
pub const MAX_PACK_FILES: usize = 200;
/// Most theme properties in one message.
pub const MAX_THEME_VARS: usize = 64;
/// Longest theme value, in characters.
pub const MAX_THEME_VALUE: usize = 200;

/// Which origins may drive the app.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EmbedConfig {
    /// Exact origins (`scheme://host[:port]`, no path, no trailing slash).
    pub allowed_origins: Vec<String>,
}

/// Something an allowed host asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum EmbedCommand {
    /// Replace the custom clause pack with these files.
    SetPack(Vec<PackFile>),
    /// Replace the playbook: threshold name → value (others back to defaults).
    SetPlaybook(BTreeMap<String, f64>),
    /// Whose interests the review protects.
    SetPerspective(crate::engine::Perspective),
    /// CSS custom properties to set on the root element (`--mc2-…` only).
    SetTheme(Vec<(String, String)>),
    /// The host asks for the contract text; the user must confirm first.
    RequestExport,
}

impl EmbedCommand {
    /// The message type this command came from (for acknowledgements).
    pub fn kind(&self) -> &'static str {
        match self {
            EmbedCommand::SetPack(_) => "mc2:set-pack",
            EmbedCommand::SetPlaybook(_) => "mc2:set-playbook",
            EmbedCommand::SetPerspective(_) => "mc2:set-perspective",
            EmbedCommand::SetTheme(_) => "mc2:set-theme",
            EmbedCommand::RequestExport => "mc2:request-export",
        }
    }
}

/// Why a message or the configuration was not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmbedError {
    /// The sender's origin is not on the allow-list: ignore silently, reply nothing.
    OriginNotAllowed(String),
    /// From an allowed origin but not a valid command: ignore, with the reason.
    Malformed(String),
    /// `embed.toml` (or the override) is not valid.
    Config(String),
}

impl fmt::Display for EmbedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EmbedError::OriginNotAllowed(o) => {
                write!(
                    f,
                    "message from {o:?} ignored: origin not in the embed allow-list"
                )
            }
            EmbedError::Malformed(why) => write!(f, "embed message ignored: {why}"),
            EmbedError::Config(why) => write!(f, "embed configuration: {why}"),
        }
    }
}

impl std::error::Error for EmbedError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    allowed_origins: Vec<String>,
}

/// Check one origin string: `http(s)://host[:port]`, nothing else.
fn check_origin(o: &str) -> Result<String, EmbedError> {
    let bad = |why: &str| EmbedError::Config(format!("origin {o:?} {why}"));
    let rest = o
        .strip_prefix("https://")
        .or_else(|| o.strip_prefix("http://"))
        .ok_or_else(|| bad("must start with https:// or http://"))?;
    if rest.is_empty() {
        return Err(bad("has no host"));
    }
    if rest.contains(['/', '*', '?', '#', '@', ' ']) {
        return Err(bad(
            "must be scheme://host[:port] only: no path, trailing slash, wildcard or user",
        ));
    }
    Ok(o.to_ascii_lowercase())
}

impl EmbedConfig {
    /// Parse `embed.toml` text.
    pub fn parse(toml_text: &str) -> Result<EmbedConfig, EmbedError> {
        let file: ConfigFile =
            toml::from_str(toml_text).map_err(|e| EmbedError::Config(e.to_string()))?;
        Self::from_list(file.allowed_origins.iter().map(String::as_str))
    }

    /// Parse a comma-separated override (`MC2_EMBED_ORIGINS`).
    pub fn from_override(list: &str) -> Result<EmbedConfig, EmbedError> {
        Self::from_list(list.split(',').map(str::trim).filter(|s| !s.is_empty()))
    }

    fn from_list<'a>(list: impl Iterator<Item = &'a str>) -> Result<EmbedConfig, EmbedError> {
        let mut allowed_origins = Vec::new();
        for o in list {
            let o = check_origin(o)?;
            if !allowed_origins.contains(&o) {
                allowed_origins.push(o);
            }
        }
        Ok(EmbedConfig { allowed_origins })
    }

    /// The configuration compiled into this build: `MC2_EMBED_ORIGINS` if it
    /// was set at compile time, else `embed.toml`. Fails closed: an invalid
    /// configuration allows nobody (and [`EmbedConfig::builtin_checked`] says why).
    pub fn builtin() -> EmbedConfig {
        Self::builtin_checked().unwrap_or_default()
    }

    /// Like [`EmbedConfig::builtin`], but with the configuration error.
    pub fn builtin_checked() -> Result<EmbedConfig, EmbedError> {
        match option_env!("MC2_EMBED_ORIGINS") {
            Some(list) if !list.trim().is_empty() => Self::from_override(list),
            _ => Self::parse(EMBED_TOML),
        }
    }

    /// Whether `origin` (as the browser reports `MessageEvent.origin`) may drive the app.
    pub fn allows(&self, origin: &str) -> bool {
        origin != "null" && self.allowed_origins.iter().any(|o| o == origin)
    }

    /// Validate a message: the origin first, then the JSON shape.
    pub fn parse_message(&self, origin: &str, data_json: &str) -> Result<EmbedCommand, EmbedError> {
        if !self.allows(origin) {
            return Err(EmbedError::OriginNotAllowed(origin.to_string()));
        }
        parse_command(data_json)
    }
}

/// [`EmbedConfig::parse_message`] with the configuration compiled into this build.
pub fn parse_message(origin: &str, data_json: &str) -> Result<EmbedCommand, EmbedError> {
    EmbedConfig::builtin().parse_message(origin, data_json)
}

/// Whether the page's query string (`location.search`, with or without `?`)
/// asks for embed mode: `embed`, `embed=1`, `embed=true` or `embed=yes`.
pub fn is_embed_query(search: &str) -> bool {
    search
        .trim_start_matches('?')
        .split('&')
        .any(|kv| matches!(kv, "embed" | "embed=1" | "embed=true" | "embed=yes"))
}

fn malformed(why: impl Into<String>) -> EmbedError {
    EmbedError::Malformed(why.into())
}

/// Parse the JSON of a message whose origin is already allowed.
fn parse_command(data_json: &str) -> Result<EmbedCommand, EmbedError> {
    if data_json.len() > MAX_MESSAGE_BYTES {
        return Err(malformed(format!(
            "message is {} bytes; the limit is {MAX_MESSAGE_BYTES}",
            data_json.len()
        )));
    }
    let v: Value =
        serde_json::from_str(data_json).map_err(|e| malformed(format!("not JSON: {e}")))?;
    let obj = v
        .as_object()
        .ok_or_else(|| malformed("expected a JSON object with a \"type\""))?;
    let kind = obj
        .get("type")
        .and_then(Value::as_str)
        .ok_or_else(|| malformed("missing string field \"type\""))?;
    match kind {
        "mc2:set-pack" => parse_pack(obj.get("files")),
        "mc2:set-playbook" => parse_playbook(obj.get("values")),
        "mc2:set-perspective" => match obj.get("perspective").and_then(Value::as_str) {
            Some("customer") => Ok(EmbedCommand::SetPerspective(
                crate::engine::Perspective::Customer,
            )),
            Some("supplier") => Ok(EmbedCommand::SetPerspective(
                crate::engine::Perspective::Supplier,
            )),
            _ => Err(malformed(
                "\"perspective\" must be \"customer\" or \"supplier\"",
            )),
        },
        "mc2:set-theme" => parse_theme(obj.get("theme")),
        "mc2:request-export" => Ok(EmbedCommand::RequestExport),
        other if other.starts_with(PREFIX) => Err(malformed(format!("unknown type {other:?}"))),
        other => Err(malformed(format!(
            "type {other:?} is not an mc2 message (types start with \"{PREFIX}\")"
        ))),
    }
}

fn parse_pack(files: Option<&Value>) -> Result<EmbedCommand, EmbedError> {
    let arr = files
        .and_then(Value::as_array)
        .ok_or_else(|| malformed("\"files\" must be an array of {name, text}"))?;
    if arr.len() > MAX_PACK_FILES {
        return Err(malformed(format!(
            "{} pack files; the limit is {MAX_PACK_FILES}",
            arr.len()
        )));
    }
    let mut out = Vec::with_capacity(arr.len());
    for (i, f) in arr.iter().enumerate() {
        let name = f.get("name").and_then(Value::as_str);
        let text = f.get("text").and_then(Value::as_str);
        match (name, text) {
            (Some(n), Some(t)) if !n.trim().is_empty() => out.push(PackFile {
                name: n.to_string(),
                text: t.to_string(),
            }),
            _ => {
                return Err(malformed(format!(
                    "pack file {} needs a non-empty string \"name\" and a string \"text\"",
                    i + 1
                )));
            }
        }
    }
    Ok(EmbedCommand::SetPack(out))
}

fn parse_playbook(values: Option<&Value>) -> Result<EmbedCommand, EmbedError> {
    let obj = values
        .and_then(Value::as_object)
        .ok_or_else(|| malformed("\"values\" must be an object of threshold name → number"))?;
    let mut out = BTreeMap::new();
    for (k, v) in obj {
        let n = v.as_f64().filter(|n| n.is_finite() && *n >= 0.0);
        match n {
            Some(n) if !k.is_empty() && k.len() <= 64 => {
                out.insert(k.clone(), n);
            }
            _ => {
                return Err(malformed(format!(
                    "playbook value {k:?} must be a number of zero or more"
                )));
            }
        }
    }
    Ok(EmbedCommand::SetPlaybook(out))
}

/// A theme property name: `--mc2-` then lowercase letters, digits, dashes.
fn theme_name_ok(name: &str) -> bool {
    name.strip_prefix("--mc2-").is_some_and(|rest| {
        !rest.is_empty()
            && rest.len() <= 40
            && rest
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    })
}

/// A theme value: colours, lengths, font lists. Nothing that can load a
/// resource (`url(`, `image(`, `@import`) or escape the declaration.
fn theme_value_ok(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    !value.trim().is_empty()
        && value.chars().count() <= MAX_THEME_VALUE
        && value
            .chars()
            .all(|c| c.is_alphanumeric() || " #%.,-+()'\"/_".contains(c))
        && !["url", "image", "import", "expression", "src"]
            .iter()
            .any(|w| lower.contains(w))
}

fn parse_theme(theme: Option<&Value>) -> Result<EmbedCommand, EmbedError> {
    let obj = theme
        .and_then(Value::as_object)
        .ok_or_else(|| malformed("\"theme\" must be an object of CSS custom property → value"))?;
    if obj.len() > MAX_THEME_VARS {
        return Err(malformed(format!(
            "{} theme properties; the limit is {MAX_THEME_VARS}",
            obj.len()
        )));
    }
    let mut out = Vec::with_capacity(obj.len());
    for (k, v) in obj {
        if !theme_name_ok(k) {
            return Err(malformed(format!(
                "theme property {k:?} must look like --mc2-name (lowercase letters, digits, dashes)"
            )));
        }
        match v.as_str() {
            Some(s) if theme_value_ok(s) => out.push((k.clone(), s.to_string())),
            _ => {
                return Err(malformed(format!(
                    "theme value for {k} must be a plain colour, length or font list (no url())"
                )));
            }
        }
    }
    Ok(EmbedCommand::SetTheme(out))
}

impl EmbedCommand {
    /// The app reducer actions that carry out this command, in order. `None`
    /// for commands the shell handles itself (theme: CSS on the page; export:
    /// a confirm step, then a message to the parent).
    pub fn actions(&self) -> Option<Vec<crate::review::Action>> {
        use crate::review::Action;
        match self {
            EmbedCommand::SetPack(files) => Some(
                std::iter::once(Action::ClearPack)
                    .chain(files.iter().cloned().map(Action::AddPackFile))
                    .collect(),
            ),
            EmbedCommand::SetPlaybook(values) => Some(
                std::iter::once(Action::ResetPlaybook)
                    .chain(
                        values
                            .iter()
                            .map(|(k, v)| Action::SetThreshold(k.clone(), Some(*v))),
                    )
                    .collect(),
            ),
            EmbedCommand::SetPerspective(p) => Some(vec![Action::SetPerspective(*p)]),
            EmbedCommand::SetTheme(_) | EmbedCommand::RequestExport => None,
        }
    }
}

/// Messages the app posts to its parent (always to one allowed origin, never `"*"`).
pub mod outbound {
    use serde_json::json;

    /// Sent once the app is running in an iframe, so the host knows it can talk.
    /// Carries no contract text.
    pub fn ready() -> String {
        json!({"type": "mc2:ready", "version": crate::VERSION}).to_string()
    }
    /// A command was applied.
    pub fn ack(kind: &str) -> String {
        json!({"type": "mc2:ack", "for": kind}).to_string()
    }
    /// A message from an allowed origin was ignored, and why.
    pub fn rejected(reason: &str) -> String {
        json!({"type": "mc2:rejected", "reason": reason}).to_string()
    }
    /// The contract text, only after the user confirmed the export.
    pub fn export(text: &str) -> String {
        json!({"type": "mc2:export", "text": text}).to_string()
    }
    /// The user said no: the host gets nothing of the contract.
    pub fn export_declined() -> String {
        json!({"type": "mc2:export-declined"}).to_string()
    }
}

#[cfg(test)]
#[path = "embed_tests.rs"]
mod tests;
