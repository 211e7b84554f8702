//! `numlint.toml`: the project's configuration, found upward from the working
//! directory (or given with `--config`, or ignored with `--isolated`).
//!
//! ```toml
//! rules = ["house-rules.toml"]       # extra packs, relative to this file
//! select = ["ratio", "sum"]          # rule ids or check kinds; default: all
//! ignore = ["list-count"]
//! exclude = ["drafts/**"]
//!
//! [severity]
//! missing-number = "warning"         # rule id or check kind -> error | warning | off
//!
//! [[overrides]]                      # for some paths only
//! paths = ["archive/**"]
//! ignore = ["missing-number"]
//! ```
//!
//! Unknown keys are errors pointing at their line.

use crate::rules::{RuleError, RuleSet, Severity};
use globset::{Glob, GlobSet, GlobSetBuilder};
use miette::{NamedSource, SourceSpan};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The file name looked for.
pub const FILE_NAME: &str = "numlint.toml";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    rules: Vec<String>,
    #[serde(default)]
    select: Vec<String>,
    #[serde(default)]
    ignore: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    severity: BTreeMap<String, String>,
    #[serde(default)]
    overrides: Vec<OverrideFile>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct OverrideFile {
    paths: Vec<String>,
    #[serde(default)]
    select: Vec<String>,
    #[serde(default)]
    ignore: Vec<String>,
    #[serde(default)]
    severity: BTreeMap<String, String>,
}

/// Which rules run, at which severity: `select`, `ignore` and `[severity]`.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    /// Rule id or check kind → severity; `None` is "off".
    pub severity: BTreeMap<String, Option<Severity>>,
}

impl Selection {
    /// The rules of `all` this selection keeps, with severities applied.
    pub fn apply(&self, all: &RuleSet) -> RuleSet {
        let matches = |r: &crate::rules::Rule, names: &[String]| {
            names.iter().any(|n| *n == r.id || n == r.check.as_str())
        };
        let mut rules = Vec::new();
        for r in &all.rules {
            if (!self.select.is_empty() && !matches(r, &self.select)) || matches(r, &self.ignore) {
                continue;
            }
            let mut r = r.clone();
            // A rule id wins over its check kind.
            let by_kind = self.severity.get(r.check.as_str());
            let by_id = self.severity.get(&r.id);
            match by_id.or(by_kind) {
                Some(None) => continue,
                Some(Some(s)) => r.severity = *s,
                None => {}
            }
            rules.push(r);
        }
        all.subset(rules)
    }

    /// This selection changed by a later one (an override, or the command
    /// line): a later `select` replaces, `ignore` and severities add.
    pub fn then(&self, later: &Selection) -> Selection {
        let mut s = self.clone();
        if !later.select.is_empty() {
            s.select = later.select.clone();
        }
        s.ignore.extend(later.ignore.iter().cloned());
        for (k, v) in &later.severity {
            s.severity.insert(k.clone(), *v);
        }
        s
    }

    /// The severity of `unused-suppression` (the check kind `suppression`)
    /// under this selection, as for a rule: a warning unless `select` leaves
    /// it out, `ignore` names it or `[severity]` changes it; `None` is off.
    pub fn unused_suppression(&self) -> Option<Severity> {
        let names = [crate::suppress::UNUSED, "suppression"];
        let named = |list: &[String]| list.iter().any(|n| names.contains(&n.as_str()));
        if (!self.select.is_empty() && !named(&self.select)) || named(&self.ignore) {
            return None;
        }
        match self.severity.get(names[0]).or(self.severity.get(names[1])) {
            Some(s) => *s,
            None => Some(Severity::Warning),
        }
    }

    /// How directives that suppress nothing are reported under this
    /// selection of `all` (see [`crate::suppress::Unused`]).
    pub fn unused(&self, all: &RuleSet) -> crate::suppress::Unused {
        crate::suppress::Unused {
            severity: self.unused_suppression(),
            known: all.rules.iter().map(|r| r.id.clone()).collect(),
        }
    }

    /// Names that are neither a rule id nor a check kind.
    pub fn unknown_names<'a>(&'a self, all: &RuleSet) -> Vec<&'a str> {
        self.select
            .iter()
            .chain(&self.ignore)
            .chain(self.severity.keys())
            .filter(|n| {
                all.get(n).is_none()
                    && crate::rules::CheckKind::parse(n).is_none()
                    && ![crate::suppress::UNUSED, "suppression"].contains(&n.as_str())
            })
            .map(String::as_str)
            .collect()
    }
}

/// Settings for some paths only.
#[derive(Clone, Debug)]
pub struct Override {
    pub paths: GlobSet,
    pub selection: Selection,
}

/// A loaded configuration.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// The file it came from, if any.
    pub path: Option<PathBuf>,
    /// Extra rule packs, resolved against the config file's folder.
    pub rule_packs: Vec<PathBuf>,
    pub selection: Selection,
    pub exclude: Option<GlobSet>,
    pub overrides: Vec<Override>,
}

/// The nearest `numlint.toml` at or above `dir`.
pub fn discover(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.is_file())
}

fn err(name: &str, src: &str, message: String, span: Option<std::ops::Range<usize>>) -> RuleError {
    RuleError {
        message,
        src: NamedSource::new(name, src.to_string()),
        span: span.map(|r| SourceSpan::from(r.start..r.end)),
    }
}

fn severity_map(
    name: &str,
    src: &str,
    raw: &BTreeMap<String, String>,
) -> Result<BTreeMap<String, Option<Severity>>, RuleError> {
    raw.iter()
        .map(|(k, v)| {
            let s = match v.as_str() {
                "off" => None,
                other => Some(Severity::parse(other).ok_or_else(|| {
                    let at = src
                        .find(&format!("\"{other}\""))
                        .map(|i| i..i + other.len() + 2);
                    err(
                        name,
                        src,
                        format!("severity of `{k}` must be error, warning or off, not `{other}`"),
                        at,
                    )
                })?),
            };
            Ok((k.clone(), s))
        })
        .collect()
}

fn globs(name: &str, src: &str, patterns: &[String]) -> Result<GlobSet, RuleError> {
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        let g = Glob::new(p).map_err(|e| {
            let at = src.find(p.as_str()).map(|i| i..i + p.len());
            err(name, src, format!("bad path pattern `{p}`: {e}"), at)
        })?;
        b.add(g);
    }
    b.build()
        .map_err(|e| err(name, src, format!("bad path patterns: {e}"), None))
}

impl Config {
    /// Parses a configuration; `path` is where it was read from (packs are
    /// resolved against its folder).
    pub fn parse(path: &Path, src: &str) -> Result<Config, RuleError> {
        let name = path.display().to_string();
        let file: ConfigFile = toml::from_str(src).map_err(|e| {
            err(
                &name,
                src,
                format!("invalid configuration: {}", e.message()),
                e.span(),
            )
        })?;
        let dir = path.parent().unwrap_or(Path::new("."));
        let overrides = file
            .overrides
            .iter()
            .map(|o| {
                Ok(Override {
                    paths: globs(&name, src, &o.paths)?,
                    selection: Selection {
                        select: o.select.clone(),
                        ignore: o.ignore.clone(),
                        severity: severity_map(&name, src, &o.severity)?,
                    },
                })
            })
            .collect::<Result<Vec<_>, RuleError>>()?;
        Ok(Config {
            path: Some(path.to_path_buf()),
            rule_packs: file.rules.iter().map(|r| dir.join(r)).collect(),
            selection: Selection {
                select: file.select,
                ignore: file.ignore,
                severity: severity_map(&name, src, &file.severity)?,
            },
            exclude: if file.exclude.is_empty() {
                None
            } else {
                Some(globs(&name, src, &file.exclude)?)
            },
            overrides,
        })
    }

    /// `path` relative to the configuration's folder, for matching globs.
    fn relative<'p>(&self, path: &'p Path) -> std::borrow::Cow<'p, Path> {
        let Some(dir) = self.path.as_ref().and_then(|p| p.parent()) else {
            return path.into();
        };
        let abs = std::fs::canonicalize(path).ok();
        let base = std::fs::canonicalize(if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        })
        .ok();
        match (abs, base) {
            (Some(a), Some(b)) => a
                .strip_prefix(&b)
                .map(|r| r.to_path_buf().into())
                .unwrap_or(path.into()),
            _ => path.into(),
        }
    }

    pub fn excluded(&self, path: &Path) -> bool {
        self.exclude
            .as_ref()
            .is_some_and(|g| g.is_match(self.relative(path)))
    }

    /// The selection for one file: the base one, then each matching
    /// override; `None` when no override applies (the base one stands). With
    /// no overrides at all, the path is not even resolved (which reads the
    /// file system).
    pub fn selection_for(&self, path: &Path, base: &Selection) -> Option<Selection> {
        if self.overrides.is_empty() {
            return None;
        }
        let rel = self.relative(path);
        let mut matching = self
            .overrides
            .iter()
            .filter(|o| o.paths.is_match(&rel))
            .peekable();
        matching.peek()?;
        Some(matching.fold(base.clone(), |s, o| s.then(&o.selection)))
    }
}

/// The starter file `numlint init` writes.
pub const STARTER: &str = r#"# numlint configuration. numlint looks for the nearest numlint.toml upward
# from the working directory; `numlint check --config FILE` names one and
# `--isolated` ignores them all. Every key is optional.

# Extra rule packs, relative to this file (see `numlint rules`, rules/*.toml).
# rules = ["house-rules.toml"]

# Only these rule ids or check kinds run (default: all).
# Check kinds: ratio, sum, subset, change, missing-number, list-count.
# select = ["ratio", "sum"]

# These never run.
# ignore = ["list-count"]

# Paths not linted when a folder is walked (.gitignore is honoured too).
# exclude = ["drafts/**"]

# Severity by rule id or check kind: error, warning or off.
[severity]
# missing-number = "warning"

# Settings for some paths only, applied after the ones above.
# [[overrides]]
# paths = ["archive/**"]
# ignore = ["missing-number"]
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starter_parses_and_unknown_keys_point_at_their_line() {
        Config::parse(Path::new("numlint.toml"), STARTER).unwrap();
        let src = "select = [\"ratio\"]\nignored = [\"sum\"]\n";
        let e = Config::parse(Path::new("numlint.toml"), src).unwrap_err();
        assert!(e.message.contains("ignored"), "{}", e.message);
        let at = e.span.unwrap().offset();
        assert_eq!(&src[at..at + 7], "ignored");
    }

    #[test]
    fn selections_and_severities() {
        let all = RuleSet::builtin().unwrap();
        let c = Config::parse(Path::new("numlint.toml"), "ignore = [\"list-count\"]\n[severity]\nmissing-number = \"warning\"\nratio = \"off\"\n").unwrap();
        let rules = c.selection.apply(&all);
        assert!(rules
            .rules
            .iter()
            .all(|r| r.check != crate::rules::CheckKind::ListCount));
        assert!(rules
            .rules
            .iter()
            .all(|r| r.check != crate::rules::CheckKind::Ratio));
        assert_eq!(
            rules.get("missing-number").unwrap().severity,
            Severity::Warning
        );
    }
}
