//! `mc2 clauses check [DIR]` and `mc2 addendum`.

pub fn clauses(_args: &[String]) -> Result<(), String> {
    Err("clauses: not built yet".into())
}

pub fn addendum(_args: &[String]) -> Result<(), String> {
    Err("addendum: not built yet".into())
}
