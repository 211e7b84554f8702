//! Renderers: each output format is one small function over findings (or, for
//! `extract`, over quantities and claims). None of them decides anything.

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;
pub mod short;
