//! Rule packs: the TOML files that say which claims to check, with which
//! vocabulary, severity and tolerance.
//!
//! The built-in packs in `rules/` are compiled in; a user's pack (`--rules`)
//! adds rules, or changes the severity, vocabulary or tolerance of a rule with
//! the same id. Every problem in a pack is a [`RuleError`] pointing at its line
//! and column in the TOML.
//!
//! ```
//! let rules = numlint::rules::RuleSet::builtin().unwrap();
//! assert!(rules.get("ratio-mismatch").is_some());
//! ```

use crate::exact::{parse_decimal, Num};
use crate::text::Lang;
use crate::words::{WordIndex, Words};
use miette::{Diagnostic, NamedSource, SourceSpan};
use num_traits::Zero;
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::sync::{Arc, OnceLock};
use thiserror::Error;
use toml::Spanned;

/// The check kinds of CONTRACT.md.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CheckKind {
    Ratio,
    Sum,
    Subset,
    Change,
    MissingNumber,
    ListCount,
    /// A total row or column of a table against what it covers.
    TableTotal,
    /// A share column of a table against its figures and their total.
    TableShare,
    /// A change column of a table against its two period columns.
    TableChange,
    /// A rate column of a table against its numerator and denominator
    /// columns.
    TableRate,
    /// A figure of the prose against the table cell it restates.
    TableProse,
    /// Not a check: the kind of the warning about a suppression that
    /// suppresses nothing. No rule has it.
    Suppression,
}

impl CheckKind {
    pub const ALL: [CheckKind; 11] = [
        CheckKind::Ratio,
        CheckKind::Sum,
        CheckKind::Subset,
        CheckKind::Change,
        CheckKind::MissingNumber,
        CheckKind::ListCount,
        CheckKind::TableTotal,
        CheckKind::TableShare,
        CheckKind::TableChange,
        CheckKind::TableRate,
        CheckKind::TableProse,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CheckKind::Ratio => "ratio",
            CheckKind::Sum => "sum",
            CheckKind::Subset => "subset",
            CheckKind::Change => "change",
            CheckKind::MissingNumber => "missing-number",
            CheckKind::ListCount => "list-count",
            CheckKind::TableTotal => "table-total",
            CheckKind::TableShare => "table-share",
            CheckKind::TableChange => "table-change",
            CheckKind::TableRate => "table-rate",
            CheckKind::TableProse => "table-prose",
            CheckKind::Suppression => "suppression",
        }
    }

    pub fn parse(s: &str) -> Option<CheckKind> {
        CheckKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The vocabulary keys a rule of this kind may set.
    pub fn vocabulary_keys(self) -> &'static [&'static str] {
        match self {
            CheckKind::Ratio => &[
                "whole",
                "part",
                "rate",
                "share",
                "whole_hint",
                "not_markers",
                "of_whole",
                "rate_lead",
                "slash",
                "share_of",
                "weighted",
                "subset",
                "comparison",
                "whole_lead",
            ],
            CheckKind::Sum => &[
                "excluding",
                "total",
                "respectively",
                "subset",
                "comparison",
                "connectors",
                "averages",
                "rest",
                "complements",
                "places",
                "statuses",
                "status_whole",
                "status_not",
                "composed",
                "of_this",
                "growth_of",
                "driven_by",
                "partial",
                "whole_hint",
                "head_total",
                "not_summed",
                "project_total",
                "borne",
                "earlier_years",
                "final_year",
                "this_line",
            ],
            CheckKind::Subset => &[
                "subset",
                "comparison",
                "averages",
                "whole_hint",
                "that_is",
                "total",
                "increase",
                "not_markers",
                "final_year",
                "this_line",
            ],
            CheckKind::Change => &[
                "rise_nouns",
                "fall_nouns",
                "from",
                "to",
                "increase",
                "decrease",
                "by",
                "per_period",
                "annual",
                "multiples",
                "ranks",
                "hedges",
            ],
            CheckKind::MissingNumber => &[
                "verbs",
                "measure",
                "not_after",
                "year_not_followed_by",
                "year_followed_by",
                "range_titles",
                "from",
                "to",
                "increase",
                "decrease",
                "classifiers",
                "before_noun",
            ],
            CheckKind::ListCount => &[
                "classifiers",
                "that_is",
                "respectively",
                "connectors",
                "examples",
                "hedges",
                "not_after",
                "measure",
                "not_markers",
                "verbs",
                "count_nouns",
            ],
            CheckKind::TableTotal => &[
                "total",
                "whole_hint",
                "of_which",
                "not_summed",
                "not_markers",
                "adjustments",
                "head_total",
            ],
            CheckKind::TableShare => &["share", "total", "whole_hint", "of_which"],
            CheckKind::TableChange => &["rate", "by", "from", "to"],
            CheckKind::TableRate => &["rate"],
            CheckKind::TableProse => &["total", "whole_hint", "whole"],
            CheckKind::Suppression => &[],
        }
    }
}

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A rule pack as written in TOML.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PackFile {
    #[serde(default)]
    rule: Vec<RuleDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleDef {
    id: Spanned<String>,
    lang: Option<Spanned<String>>,
    check: Option<Spanned<String>>,
    severity: Option<Spanned<String>>,
    summary: Option<String>,
    tolerance: Option<Spanned<String>>,
    whole: Option<Spanned<Vec<String>>>,
    part: Option<Spanned<Vec<String>>>,
    rate: Option<Spanned<Vec<String>>>,
    share: Option<Spanned<Vec<String>>>,
    whole_hint: Option<Spanned<Vec<String>>>,
    not_markers: Option<Spanned<Vec<String>>>,
    total: Option<Spanned<Vec<String>>>,
    respectively: Option<Spanned<Vec<String>>>,
    subset: Option<Spanned<Vec<String>>>,
    hedges: Option<Spanned<Vec<String>>>,
    ranks: Option<Spanned<Vec<String>>>,
    averages: Option<Spanned<Vec<String>>>,
    examples: Option<Spanned<Vec<String>>>,
    multiples: Option<Spanned<Vec<String>>>,
    share_of: Option<Spanned<Vec<String>>>,
    slash: Option<Spanned<Vec<String>>>,
    rate_lead: Option<Spanned<Vec<String>>>,
    of_whole: Option<Spanned<Vec<String>>>,
    range_titles: Option<Spanned<Vec<String>>>,
    year_followed_by: Option<Spanned<Vec<String>>>,
    per_period: Option<Spanned<Vec<String>>>,
    annual: Option<Spanned<Vec<String>>>,
    comparison: Option<Spanned<Vec<String>>>,
    from: Option<Spanned<Vec<String>>>,
    to: Option<Spanned<Vec<String>>>,
    increase: Option<Spanned<Vec<String>>>,
    decrease: Option<Spanned<Vec<String>>>,
    by: Option<Spanned<Vec<String>>>,
    verbs: Option<Spanned<Vec<String>>>,
    measure: Option<Spanned<Vec<String>>>,
    not_after: Option<Spanned<Vec<String>>>,
    year_not_followed_by: Option<Spanned<Vec<String>>>,
    classifiers: Option<Spanned<Vec<String>>>,
    before_noun: Option<Spanned<Vec<String>>>,
    weighted: Option<Spanned<Vec<String>>>,
    excluding: Option<Spanned<Vec<String>>>,
    rise_nouns: Option<Spanned<Vec<String>>>,
    fall_nouns: Option<Spanned<Vec<String>>>,
    that_is: Option<Spanned<Vec<String>>>,
    connectors: Option<Spanned<Vec<String>>>,
    of_which: Option<Spanned<Vec<String>>>,
    adjustments: Option<Spanned<Vec<String>>>,
    head_total: Option<Spanned<Vec<String>>>,
    not_summed: Option<Spanned<Vec<String>>>,
    rest: Option<Spanned<Vec<String>>>,
    complements: Option<Spanned<Vec<String>>>,
    places: Option<Spanned<Vec<String>>>,
    statuses: Option<Spanned<Vec<String>>>,
    status_whole: Option<Spanned<Vec<String>>>,
    status_not: Option<Spanned<Vec<String>>>,
    composed: Option<Spanned<Vec<String>>>,
    of_this: Option<Spanned<Vec<String>>>,
    growth_of: Option<Spanned<Vec<String>>>,
    driven_by: Option<Spanned<Vec<String>>>,
    partial: Option<Spanned<Vec<String>>>,
    count_nouns: Option<Spanned<Vec<String>>>,
    project_total: Option<Spanned<Vec<String>>>,
    borne: Option<Spanned<Vec<String>>>,
    earlier_years: Option<Spanned<Vec<String>>>,
    final_year: Option<Spanned<Vec<String>>>,
    this_line: Option<Spanned<Vec<String>>>,
    whole_lead: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    example: Vec<ExampleDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExampleDef {
    text: String,
    expect: Spanned<String>,
    /// How the text is read: `md`, `html`, `csv`, `tsv` (default: plain text).
    format: Option<String>,
}

/// The words that mark each role of a claim. Which keys a check kind reads is
/// [`CheckKind::vocabulary_keys`]; the meaning of each is documented in
/// `rules/zh.toml`.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Vocabulary {
    pub whole: Words,
    pub part: Words,
    pub rate: Words,
    pub share: Words,
    pub whole_hint: Words,
    pub not_markers: Words,
    pub total: Words,
    pub respectively: Words,
    pub subset: Words,
    pub hedges: Words,
    pub ranks: Words,
    pub averages: Words,
    pub examples: Words,
    pub multiples: Words,
    pub share_of: Words,
    pub slash: Words,
    pub rate_lead: Words,
    pub of_whole: Words,
    pub range_titles: Words,
    pub year_followed_by: Words,
    pub per_period: Words,
    pub annual: Words,
    pub comparison: Words,
    pub from: Words,
    pub to: Words,
    pub increase: Words,
    pub decrease: Words,
    pub by: Words,
    pub verbs: Words,
    pub measure: Words,
    pub not_after: Words,
    pub year_not_followed_by: Words,
    pub classifiers: Words,
    pub before_noun: Words,
    pub weighted: Words,
    pub excluding: Words,
    pub rise_nouns: Words,
    pub fall_nouns: Words,
    pub that_is: Words,
    pub connectors: Words,
    pub of_which: Words,
    pub adjustments: Words,
    pub head_total: Words,
    pub not_summed: Words,
    pub rest: Words,
    pub complements: Words,
    pub places: Words,
    pub statuses: Words,
    pub status_whole: Words,
    pub status_not: Words,
    pub composed: Words,
    pub of_this: Words,
    pub growth_of: Words,
    pub driven_by: Words,
    pub partial: Words,
    pub count_nouns: Words,
    pub project_total: Words,
    pub borne: Words,
    pub earlier_years: Words,
    pub final_year: Words,
    pub this_line: Words,
    pub whole_lead: Words,
}

impl Vocabulary {
    /// The lists the checks look for anywhere in a clause (the others are
    /// only tried at a given place). The word index holds these; a list left
    /// out is still found, only searched for alone (see [`WordIndex`]).
    pub fn searched(&self) -> [&Words; 13] {
        [
            &self.subset,
            &self.composed,
            &self.whole,
            &self.part,
            &self.rate,
            &self.share,
            &self.share_of,
            &self.respectively,
            &self.averages,
            &self.ranks,
            &self.from,
            &self.by,
            &self.verbs,
        ]
    }
}

/// A vocabulary key, its value in the TOML, and where it goes.
type VocabularyField<'a> = (
    &'static str,
    &'a Option<Spanned<Vec<String>>>,
    &'a mut Words,
);

/// What an embedded example expects.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Expect {
    Error,
    Warning,
    Ok,
}

/// A rule's own example: a text and what the rule must say of it.
#[derive(Clone, Debug, Serialize)]
pub struct Example {
    pub text: String,
    pub expect: Expect,
    /// The format the text is read in, as a file extension (`md`, `csv`);
    /// `None` for plain text.
    pub format: Option<String>,
}

/// One rule in force.
#[derive(Clone, Debug, Serialize)]
pub struct Rule {
    pub id: String,
    pub check: CheckKind,
    pub severity: Severity,
    pub summary: String,
    /// The language of the sentences it reads; `None` reads all.
    pub lang: Option<Lang>,
    /// Extra slack, in the unit of the stated figure (percentage points for a
    /// rate), added on both sides before a claim is called inconsistent.
    #[serde(serialize_with = "ser_num")]
    pub tolerance: Num,
    /// Shared: a run hands each file its own selection of the rules, and the
    /// compiled word lists are not copied for it.
    pub vocabulary: Arc<Vocabulary>,
    pub examples: Vec<Example>,
    /// Where the rule came from: `builtin:zh.toml` or a path.
    pub source: String,
}

fn ser_num<S: serde::Serializer>(n: &Num, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&crate::exact::to_decimal_string(n, 12))
}

/// A problem in a rule pack, pointing into the TOML.
#[derive(Debug, Error, Diagnostic)]
#[error("{message}")]
#[diagnostic(code(numlint::rules))]
pub struct RuleError {
    pub message: String,
    #[source_code]
    pub src: NamedSource<String>,
    #[label("here")]
    pub span: Option<SourceSpan>,
}

/// The rules in force, in the order they were defined.
#[derive(Clone, Debug, Default)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    /// The words of all the rules in one automaton, built when first asked.
    /// Shared by the copies and selections of this set (their lists are
    /// among its lists); a set whose rules change makes a new one, and a list
    /// the index does not hold is searched for alone.
    index: Arc<OnceLock<Arc<WordIndex>>>,
}

/// The packs compiled into the binary.
pub const BUILTIN_PACKS: &[(&str, &str)] = &[
    ("zh.toml", include_str!("../rules/zh.toml")),
    ("en.toml", include_str!("../rules/en.toml")),
];

impl RuleSet {
    /// The built-in rules.
    pub fn builtin() -> Result<RuleSet, RuleError> {
        let mut set = RuleSet::default();
        for (name, src) in BUILTIN_PACKS {
            set.add_pack(&format!("builtin:{name}"), src)?;
        }
        Ok(set)
    }

    /// A set of these rules.
    pub fn new(rules: Vec<Rule>) -> RuleSet {
        RuleSet {
            rules,
            index: Arc::default(),
        }
    }

    /// The same rule set with only `rules` (some of its own): it shares this
    /// set's word index.
    pub fn subset(&self, rules: Vec<Rule>) -> RuleSet {
        RuleSet {
            rules,
            index: Arc::clone(&self.index),
        }
    }

    /// The words of every rule, in one automaton.
    pub fn word_index(&self) -> Arc<WordIndex> {
        Arc::clone(self.index.get_or_init(|| {
            Arc::new(WordIndex::new(
                self.rules.iter().flat_map(|r| r.vocabulary.searched()),
            ))
        }))
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// Adds a pack: new ids are new rules; a known id changes that rule.
    pub fn add_pack(&mut self, name: &str, src: &str) -> Result<(), RuleError> {
        self.index = Arc::default();
        let err = |message: String, span: Option<Range<usize>>| RuleError {
            message,
            src: NamedSource::new(name, src.to_string()),
            span: span.map(|r| SourceSpan::from(r.start..r.end)),
        };
        let file: PackFile = toml::from_str(src)
            .map_err(|e| err(format!("invalid rule pack: {}", e.message()), e.span()))?;
        for def in file.rule {
            let id = def.id.get_ref().trim().to_string();
            if id.is_empty() {
                return Err(err(
                    "a rule id must not be empty".into(),
                    Some(def.id.span()),
                ));
            }
            let existing = self.rules.iter().position(|r| r.id == id);
            let check = match (&def.check, existing) {
                (Some(c), _) => CheckKind::parse(c.get_ref()).ok_or_else(|| {
                    err(
                        format!(
                            "unknown check kind `{}`; expected one of: {}",
                            c.get_ref(),
                            CheckKind::ALL.map(|k| k.as_str()).join(", ")
                        ),
                        Some(c.span()),
                    )
                })?,
                (None, Some(i)) => self.rules[i].check,
                (None, None) => {
                    return Err(err(
                        format!("rule `{id}` needs a `check`"),
                        Some(def.id.span()),
                    ))
                }
            };
            if let (Some(c), Some(i)) = (&def.check, existing) {
                if self.rules[i].check != check {
                    return Err(err(
                        format!(
                            "rule `{id}` is already a `{}` rule",
                            self.rules[i].check.as_str()
                        ),
                        Some(c.span()),
                    ));
                }
            }
            let severity = match (&def.severity, existing) {
                (Some(s), _) => Severity::parse(s.get_ref()).ok_or_else(|| {
                    err(
                        format!(
                            "unknown severity `{}`; expected error or warning",
                            s.get_ref()
                        ),
                        Some(s.span()),
                    )
                })?,
                (None, Some(i)) => self.rules[i].severity,
                (None, None) => {
                    return Err(err(
                        format!("rule `{id}` needs a `severity`"),
                        Some(def.id.span()),
                    ))
                }
            };
            let summary = match (&def.summary, existing) {
                (Some(s), _) => s.clone(),
                (None, Some(i)) => self.rules[i].summary.clone(),
                (None, None) => {
                    return Err(err(
                        format!("rule `{id}` needs a `summary`"),
                        Some(def.id.span()),
                    ))
                }
            };
            let tolerance = match (&def.tolerance, existing) {
                (Some(t), _) => parse_decimal(t.get_ref().trim())
                    .map(|(v, _)| v)
                    .ok_or_else(|| {
                        err(
                            format!(
                                "tolerance `{}` is not a decimal number such as \"0.1\"",
                                t.get_ref()
                            ),
                            Some(t.span()),
                        )
                    })?,
                (None, Some(i)) => self.rules[i].tolerance.clone(),
                (None, None) => Num::zero(),
            };
            let lang = match (&def.lang, existing) {
                (Some(l), _) => Some(Lang::parse(l.get_ref()).ok_or_else(|| {
                    err(
                        format!("unknown language `{}`; expected zh or en", l.get_ref()),
                        Some(l.span()),
                    )
                })?),
                (None, Some(i)) => self.rules[i].lang,
                (None, None) => None,
            };
            let mut vocabulary = existing
                .map(|i| (*self.rules[i].vocabulary).clone())
                .unwrap_or_default();
            let allowed = check.vocabulary_keys();
            let fields: [VocabularyField; 62] = [
                ("whole", &def.whole, &mut vocabulary.whole),
                ("part", &def.part, &mut vocabulary.part),
                ("rate", &def.rate, &mut vocabulary.rate),
                ("share", &def.share, &mut vocabulary.share),
                ("whole_hint", &def.whole_hint, &mut vocabulary.whole_hint),
                ("not_markers", &def.not_markers, &mut vocabulary.not_markers),
                ("total", &def.total, &mut vocabulary.total),
                (
                    "respectively",
                    &def.respectively,
                    &mut vocabulary.respectively,
                ),
                ("subset", &def.subset, &mut vocabulary.subset),
                ("hedges", &def.hedges, &mut vocabulary.hedges),
                ("ranks", &def.ranks, &mut vocabulary.ranks),
                ("averages", &def.averages, &mut vocabulary.averages),
                ("examples", &def.examples, &mut vocabulary.examples),
                ("multiples", &def.multiples, &mut vocabulary.multiples),
                ("share_of", &def.share_of, &mut vocabulary.share_of),
                ("slash", &def.slash, &mut vocabulary.slash),
                ("rate_lead", &def.rate_lead, &mut vocabulary.rate_lead),
                ("of_whole", &def.of_whole, &mut vocabulary.of_whole),
                (
                    "range_titles",
                    &def.range_titles,
                    &mut vocabulary.range_titles,
                ),
                (
                    "year_followed_by",
                    &def.year_followed_by,
                    &mut vocabulary.year_followed_by,
                ),
                ("per_period", &def.per_period, &mut vocabulary.per_period),
                ("annual", &def.annual, &mut vocabulary.annual),
                ("comparison", &def.comparison, &mut vocabulary.comparison),
                ("from", &def.from, &mut vocabulary.from),
                ("to", &def.to, &mut vocabulary.to),
                ("increase", &def.increase, &mut vocabulary.increase),
                ("decrease", &def.decrease, &mut vocabulary.decrease),
                ("by", &def.by, &mut vocabulary.by),
                ("verbs", &def.verbs, &mut vocabulary.verbs),
                ("measure", &def.measure, &mut vocabulary.measure),
                ("not_after", &def.not_after, &mut vocabulary.not_after),
                (
                    "year_not_followed_by",
                    &def.year_not_followed_by,
                    &mut vocabulary.year_not_followed_by,
                ),
                ("classifiers", &def.classifiers, &mut vocabulary.classifiers),
                ("before_noun", &def.before_noun, &mut vocabulary.before_noun),
                ("weighted", &def.weighted, &mut vocabulary.weighted),
                ("excluding", &def.excluding, &mut vocabulary.excluding),
                ("rise_nouns", &def.rise_nouns, &mut vocabulary.rise_nouns),
                ("fall_nouns", &def.fall_nouns, &mut vocabulary.fall_nouns),
                ("that_is", &def.that_is, &mut vocabulary.that_is),
                ("connectors", &def.connectors, &mut vocabulary.connectors),
                ("of_which", &def.of_which, &mut vocabulary.of_which),
                ("adjustments", &def.adjustments, &mut vocabulary.adjustments),
                ("head_total", &def.head_total, &mut vocabulary.head_total),
                ("not_summed", &def.not_summed, &mut vocabulary.not_summed),
                ("rest", &def.rest, &mut vocabulary.rest),
                ("complements", &def.complements, &mut vocabulary.complements),
                ("places", &def.places, &mut vocabulary.places),
                ("statuses", &def.statuses, &mut vocabulary.statuses),
                (
                    "status_whole",
                    &def.status_whole,
                    &mut vocabulary.status_whole,
                ),
                ("status_not", &def.status_not, &mut vocabulary.status_not),
                ("composed", &def.composed, &mut vocabulary.composed),
                ("of_this", &def.of_this, &mut vocabulary.of_this),
                ("growth_of", &def.growth_of, &mut vocabulary.growth_of),
                ("driven_by", &def.driven_by, &mut vocabulary.driven_by),
                ("partial", &def.partial, &mut vocabulary.partial),
                ("count_nouns", &def.count_nouns, &mut vocabulary.count_nouns),
                (
                    "project_total",
                    &def.project_total,
                    &mut vocabulary.project_total,
                ),
                ("borne", &def.borne, &mut vocabulary.borne),
                (
                    "earlier_years",
                    &def.earlier_years,
                    &mut vocabulary.earlier_years,
                ),
                ("final_year", &def.final_year, &mut vocabulary.final_year),
                ("this_line", &def.this_line, &mut vocabulary.this_line),
                ("whole_lead", &def.whole_lead, &mut vocabulary.whole_lead),
            ];
            for (key, given, slot) in fields {
                if let Some(words) = given {
                    if !allowed.contains(&key) {
                        return Err(err(
                            format!(
                                "`{key}` is not vocabulary of a `{}` rule; it takes: {}",
                                check.as_str(),
                                allowed.join(", ")
                            ),
                            Some(words.span()),
                        ));
                    }
                    if words.get_ref().iter().any(|w| w.trim().is_empty()) {
                        return Err(err(
                            format!("`{key}` has an empty word"),
                            Some(words.span()),
                        ));
                    }
                    *slot = Words::new(words.get_ref().clone());
                }
            }
            let mut examples = existing
                .map(|i| self.rules[i].examples.clone())
                .unwrap_or_default();
            for ex in &def.example {
                let expect = match ex.expect.get_ref().as_str() {
                    "error" => Expect::Error,
                    "warning" => Expect::Warning,
                    "ok" => Expect::Ok,
                    other => {
                        return Err(err(
                            format!("unknown expectation `{other}`; expected error, warning or ok"),
                            Some(ex.expect.span()),
                        ))
                    }
                };
                examples.push(Example {
                    text: ex.text.clone(),
                    expect,
                    format: ex.format.clone(),
                });
            }
            let rule = Rule {
                id: id.clone(),
                check,
                severity,
                summary,
                lang,
                tolerance,
                vocabulary: Arc::new(vocabulary),
                examples,
                source: name.to_string(),
            };
            match existing {
                Some(i) => self.rules[i] = rule,
                None => self.rules.push(rule),
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_pack_loads() {
        let set = RuleSet::builtin().unwrap();
        for kind in CheckKind::ALL {
            assert!(
                set.rules.iter().any(|r| r.check == kind),
                "no {kind:?} rule"
            );
        }
        for r in &set.rules {
            assert!(
                r.examples.iter().any(|e| e.expect == Expect::Ok),
                "{}",
                r.id
            );
            assert!(
                r.examples.iter().any(|e| e.expect != Expect::Ok),
                "{}",
                r.id
            );
        }
    }

    #[test]
    fn unknown_key_points_at_its_line() {
        let mut set = RuleSet::default();
        let src = "[[rule]]\nid = \"x\"\ncheck = \"ratio\"\nseverity = \"error\"\nsummary = \"s\"\nwholes = [\"需\"]\n";
        let e = set.add_pack("p.toml", src).unwrap_err();
        assert!(e.message.contains("wholes"), "{}", e.message);
        let off = e.span.unwrap().offset();
        assert_eq!(&src[off..off + 6], "wholes");
    }

    #[test]
    fn vocabulary_of_another_kind_is_an_error() {
        let mut set = RuleSet::default();
        let src = "[[rule]]\nid = \"x\"\ncheck = \"sum\"\nseverity = \"error\"\nsummary = \"s\"\nwhole = [\"需\"]\n";
        let e = set.add_pack("p.toml", src).unwrap_err();
        assert!(e.message.contains("not vocabulary"), "{}", e.message);
    }

    #[test]
    fn a_user_pack_changes_a_builtin_rule() {
        let mut set = RuleSet::builtin().unwrap();
        set.add_pack(
            "mine.toml",
            "[[rule]]\nid = \"ratio-mismatch\"\nseverity = \"warning\"\nwhole = [\"目标\"]\n",
        )
        .unwrap();
        let r = set.get("ratio-mismatch").unwrap();
        assert_eq!(r.severity, Severity::Warning);
        assert_eq!(*r.vocabulary.whole, vec!["目标".to_string()]);
        assert!(!r.vocabulary.part.is_empty());
    }
}
