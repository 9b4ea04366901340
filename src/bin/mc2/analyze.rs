//! `mc2 analyze`, `mc2 batch`, `mc2 eval`, `mc2 bench`.

pub fn analyze(_args: &[String]) -> Result<(), String> {
    Err("analyze: not built yet".into())
}

pub fn batch(_args: &[String]) -> Result<(), String> {
    Err("batch: not built yet".into())
}

pub fn eval(_args: &[String]) -> Result<(), String> {
    Err("eval: not built yet".into())
}

pub fn bench(_args: &[String]) -> Result<(), String> {
    Err("bench: not built yet".into())
}
