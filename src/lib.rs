//! numlint: a linter for the numbers in prose.
//!
//! The pipeline (see ARCHITECTURE.md): [`lexer`] turns text into quantities
//! (exact intervals, [`exact`]); [`checks`] finds claims in sentences
//! ([`text`]) with the vocabulary of [`rules`] and decides whether they hold;
//! [`finding`] places the inconsistent ones in the file; [`render`] prints
//! them. [`lint`] runs it all on one text; [`input`] and the binary do the I/O.
pub mod baseline;
pub mod checks;
pub mod config;
pub mod exact;
pub mod finding;
pub mod input;
pub mod lexer;
pub mod lint;
pub mod render;
pub mod rules;
pub mod run;
pub mod script;
mod script_table;
pub mod suppress;
pub mod tables;
pub mod text;
pub mod words;
