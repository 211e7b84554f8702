//! The `numlint` command line: argument parsing, I/O and exit codes around the
//! library. See CONTRACT.md for the interface.

use clap::{Parser, Subcommand, ValueEnum};
use numlint::finding::Finding;
use numlint::input::{collect_paths, decode, read_source, Source};
use numlint::lint::analyze;
use numlint::render::json::Summary;
use numlint::rules::{Expect, RuleSet, Severity};
use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "numlint",
    version,
    about = "A linter for the numbers in prose: finds figures that contradict each other."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Lint files and folders (default: .); "-" reads standard input.
    Check(CheckArgs),
    /// List every quantity and claim found, for debugging and data export.
    Extract {
        /// A file, or "-" for standard input.
        #[arg(default_value = "-")]
        path: PathBuf,
        #[arg(long, value_enum, default_value_t = ExtractFormat::Json)]
        format: ExtractFormat,
        /// Extra rule packs on top of the built-in ones.
        #[arg(long = "rules", value_name = "FILE", num_args = 1..)]
        rules: Vec<PathBuf>,
    },
    /// List the rules in force.
    Rules {
        #[arg(long, value_enum, default_value_t = ExtractFormat::Human)]
        format: ExtractFormat,
        #[arg(long = "rules", value_name = "FILE", num_args = 1..)]
        rules: Vec<PathBuf>,
    },
    /// Explain one rule, with its examples.
    Rule {
        id: String,
        #[arg(long = "rules", value_name = "FILE", num_args = 1..)]
        rules: Vec<PathBuf>,
    },
    /// Run the examples embedded in rule packs (the built-in ones with no FILE).
    TestRules { files: Vec<PathBuf> },
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files or folders; "-" reads standard input.
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Extra rule packs on top of the built-in ones.
    #[arg(long = "rules", value_name = "FILE", num_args = 1..)]
    rules: Vec<PathBuf>,
    /// Only these rule ids or check kinds (comma-separated).
    #[arg(long, value_delimiter = ',')]
    select: Vec<String>,
    /// Not these rule ids or check kinds (comma-separated).
    #[arg(long, value_delimiter = ',')]
    ignore: Vec<String>,
    /// Warnings fail the run too.
    #[arg(long)]
    deny_warnings: bool,
    /// Report, never fail (exit 0 unless numlint itself cannot run).
    #[arg(long)]
    exit_zero: bool,
    /// Name used for "-" in the output.
    #[arg(long, default_value = "<stdin>")]
    stdin_filename: String,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Human,
    Short,
    Json,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum ExtractFormat {
    Human,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => check(args),
        Command::Extract {
            path,
            format,
            rules,
        } => extract(path, format, &rules),
        Command::Rules { format, rules } => list_rules(format, &rules),
        Command::Rule { id, rules } => explain_rule(&id, &rules),
        Command::TestRules { files } => test_rules(&files),
    }
}

/// Loads the built-in rules and the given packs; a bad pack is printed as a
/// diagnostic pointing into its TOML.
fn load_rules(packs: &[PathBuf]) -> Result<RuleSet, ExitCode> {
    let mut set = match RuleSet::builtin() {
        Ok(s) => s,
        Err(e) => return Err(report_error(e)),
    };
    for p in packs {
        let src = match std::fs::read_to_string(p) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("numlint: {}: cannot read rule pack: {e}", p.display());
                return Err(ExitCode::from(2));
            }
        };
        if let Err(e) = set.add_pack(&p.display().to_string(), &src) {
            return Err(report_error(e));
        }
    }
    Ok(set)
}

fn report_error(e: impl miette::Diagnostic + Send + Sync + 'static) -> ExitCode {
    eprintln!("{:?}", miette::Report::new(e));
    ExitCode::from(2)
}

fn read_stdin(name: &str) -> Result<Source, String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{name}: cannot read standard input: {e}"))?;
    decode(name, bytes)
        .map(|text| Source {
            path: name.to_string(),
            text,
        })
        .map_err(|e| e.to_string())
}

fn rule_matches(rule: &numlint::rules::Rule, names: &[String]) -> bool {
    names
        .iter()
        .any(|n| n == &rule.id || n == rule.check.as_str())
}

fn check(args: CheckArgs) -> ExitCode {
    let mut rules = match load_rules(&args.rules) {
        Ok(r) => r,
        Err(code) => return code,
    };
    for name in args.select.iter().chain(&args.ignore) {
        let known = rules
            .rules
            .iter()
            .any(|r| r.id == *name || r.check.as_str() == name);
        if !known {
            eprintln!("numlint: unknown rule or check `{name}` (see `numlint rules`)");
            return ExitCode::from(2);
        }
    }
    rules.rules.retain(|r| {
        (args.select.is_empty() || rule_matches(r, &args.select)) && !rule_matches(r, &args.ignore)
    });
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let mut io_failed = false;
    let mut sources: Vec<Result<Source, String>> = Vec::new();
    let (mut files, mut errors) = (Vec::new(), Vec::new());
    let mut use_stdin = false;
    let others: Vec<PathBuf> = paths
        .into_iter()
        .filter(|p| {
            let dash = p.as_os_str() == "-";
            use_stdin |= dash;
            !dash
        })
        .collect();
    if use_stdin {
        sources.push(read_stdin(&args.stdin_filename));
    }
    let (f, e) = collect_paths(&others);
    files.extend(f);
    errors.extend(e);
    for e in errors {
        sources.push(Err(e.to_string()));
    }
    for f in files {
        sources.push(read_source(&f).map_err(|e| e.to_string()));
    }
    let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut summary = Summary::default();
    let mut all: Vec<Finding> = Vec::new();
    let mut stdout = std::io::stdout().lock();
    for source in sources {
        let source = match source {
            Ok(s) => s,
            Err(message) => {
                eprintln!("numlint: {message}");
                io_failed = true;
                continue;
            }
        };
        summary.files += 1;
        let analysis = analyze(&source.text, &rules);
        let findings =
            numlint::finding::findings(&source.path, &source.text, &analysis.claims, &rules);
        summary.count(&findings);
        let printed = match args.format {
            Format::Human => {
                let width = if color { 120 } else { 100 };
                write!(
                    stdout,
                    "{}",
                    numlint::render::human::render(
                        &findings,
                        &source.path,
                        &source.text,
                        color,
                        width
                    )
                )
            }
            Format::Short => findings.iter().try_for_each(|f| {
                writeln!(
                    stdout,
                    "{}:{}:{}: {}[{}] {}",
                    f.path,
                    f.line,
                    f.column,
                    f.severity.as_str(),
                    f.rule,
                    f.message
                )
            }),
            Format::Json => Ok(()),
        };
        if printed.is_err() {
            return ExitCode::from(2); // stdout closed: nothing more to say
        }
        all.extend(findings);
    }
    match args.format {
        Format::Json => {
            all.sort_by(|a, b| (&a.path, a.start).cmp(&(&b.path, b.start)));
            let _ = writeln!(stdout, "{}", numlint::render::json::check(&all, summary));
        }
        Format::Human => {
            let _ = writeln!(
                stdout,
                "numlint: {} error{}, {} warning{} in {} file{}",
                summary.errors,
                if summary.errors == 1 { "" } else { "s" },
                summary.warnings,
                if summary.warnings == 1 { "" } else { "s" },
                summary.files,
                if summary.files == 1 { "" } else { "s" }
            );
        }
        Format::Short => {}
    }
    if io_failed {
        return ExitCode::from(2);
    }
    let failing = summary.errors > 0 || (args.deny_warnings && summary.warnings > 0);
    if failing && !args.exit_zero {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn extract(path: PathBuf, format: ExtractFormat, packs: &[PathBuf]) -> ExitCode {
    let rules = match load_rules(packs) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let source = if path.as_os_str() == "-" {
        read_stdin("<stdin>")
    } else {
        read_source(&path).map_err(|e| e.to_string())
    };
    let source = match source {
        Ok(s) => s,
        Err(message) => {
            eprintln!("numlint: {message}");
            return ExitCode::from(2);
        }
    };
    let analysis = analyze(&source.text, &rules);
    let doc = numlint::render::json::extracted_document(
        &source.path,
        &source.text,
        &analysis.quantities,
        &analysis.claims,
    );
    match format {
        ExtractFormat::Json => println!("{}", numlint::render::json::extract(&[doc])),
        ExtractFormat::Human => {
            let index = numlint::text::LineIndex::new(&source.text);
            println!(
                "{}: {} quantities, {} claims",
                source.path,
                analysis.quantities.len(),
                analysis.claims.len()
            );
            for q in &analysis.quantities {
                let (line, col) = index.line_col(q.start);
                println!(
                    "  {line}:{col}\t{:?}\t{}\t= {}{}",
                    q.kind,
                    numlint::text::squeeze(&source.text[q.start..q.end]),
                    q.value_string(),
                    q.unit.unwrap_or("")
                );
            }
            for c in &analysis.claims {
                let (line, col) = index.line_col(c.start());
                let parts: Vec<String> = c
                    .labels
                    .iter()
                    .map(|l| {
                        format!(
                            "{}={}",
                            l.role.as_str(),
                            numlint::text::squeeze(&source.text[l.span.start..l.span.end])
                        )
                    })
                    .collect();
                println!(
                    "  {line}:{col}\t{}\t{}\t{}",
                    c.check.as_str(),
                    if c.consistent() { "ok" } else { "INCONSISTENT" },
                    parts.join(" ")
                );
            }
        }
    }
    ExitCode::SUCCESS
}

fn list_rules(format: ExtractFormat, packs: &[PathBuf]) -> ExitCode {
    let rules = match load_rules(packs) {
        Ok(r) => r,
        Err(code) => return code,
    };
    match format {
        ExtractFormat::Json => match serde_json::to_string_pretty(&rules.rules) {
            Ok(s) => println!("{s}"),
            Err(e) => {
                eprintln!("numlint: {e}");
                return ExitCode::from(2);
            }
        },
        ExtractFormat::Human => {
            for r in &rules.rules {
                println!(
                    "{:<22} {:<15} {:<8} {}",
                    r.id,
                    r.check.as_str(),
                    r.severity.as_str(),
                    r.summary
                );
            }
        }
    }
    ExitCode::SUCCESS
}

fn explain_rule(id: &str, packs: &[PathBuf]) -> ExitCode {
    let rules = match load_rules(packs) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let Some(r) = rules.get(id) else {
        eprintln!("numlint: no rule `{id}` (see `numlint rules`)");
        return ExitCode::from(2);
    };
    println!(
        "{} ({} check, {})",
        r.id,
        r.check.as_str(),
        r.severity.as_str()
    );
    println!("from {}\n", r.source);
    println!("{}\n", r.summary);
    let v = serde_json::to_value(&r.vocabulary).unwrap_or_default();
    if let Some(map) = v.as_object() {
        let keys = r.check.vocabulary_keys();
        for (k, words) in map {
            let list: Vec<&str> = words
                .as_array()
                .map(|a| a.iter().filter_map(|w| w.as_str()).collect())
                .unwrap_or_default();
            if keys.contains(&k.as_str()) && !list.is_empty() {
                println!("  {k:<20} {}", list.join(" "));
            }
        }
    }
    println!("\nexamples:");
    for ex in &r.examples {
        let expect = match ex.expect {
            Expect::Error => "error",
            Expect::Warning => "warning",
            Expect::Ok => "ok",
        };
        println!("  [{expect}] {}", ex.text);
    }
    ExitCode::SUCCESS
}

/// Runs every example of the rules: each must give exactly what it expects
/// from its own rule (the other rules are not consulted).
fn test_rules(files: &[PathBuf]) -> ExitCode {
    let rules = match load_rules(files) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let sources: Vec<String> = if files.is_empty() {
        numlint::rules::BUILTIN_PACKS
            .iter()
            .map(|(n, _)| format!("builtin:{n}"))
            .collect()
    } else {
        files.iter().map(|f| f.display().to_string()).collect()
    };
    let (mut passed, mut failed) = (0, 0);
    for rule in rules.rules.iter().filter(|r| sources.contains(&r.source)) {
        let only = RuleSet {
            rules: vec![rule.clone()],
        };
        for ex in &rule.examples {
            let findings = numlint::lint::lint("example", &ex.text, &only);
            let got = if findings.iter().any(|f| f.severity == Severity::Error) {
                Expect::Error
            } else if findings.is_empty() {
                Expect::Ok
            } else {
                Expect::Warning
            };
            let want = match (ex.expect, rule.severity) {
                (Expect::Ok, _) => Expect::Ok,
                (_, Severity::Error) => Expect::Error,
                (_, Severity::Warning) => Expect::Warning,
            };
            if got == want {
                passed += 1;
            } else {
                failed += 1;
                println!(
                    "FAIL {}: expected {:?}, got {:?}: {}",
                    rule.id, ex.expect, got, ex.text
                );
                for f in &findings {
                    println!("     {}", f.message);
                }
            }
        }
    }
    println!("{passed} passed, {failed} failed");
    if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
