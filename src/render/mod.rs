//! Renderers: each output format is one small function over findings (or, for
//! `extract`, over quantities and claims). None of them decides anything.

pub mod human;
pub mod json;
