//! The `numlint` command line: argument parsing, output and exit codes around
//! the library. See CONTRACT.md and the README for the interface.

#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use numlint::baseline::Baseline;
use numlint::config::{self, Config, Selection};
use numlint::finding::Finding;
use numlint::input::{collect_paths, collect_paths_noting, Format as InputFormat, Source};
use numlint::lint::analyze_source;
use numlint::render::json::Summary;
use numlint::rules::{Expect, RuleSet, Severity};
use numlint::run::{FileResult, Run, Target};

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
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
        /// Files or folders, as `check` takes them; "-" (the default) reads
        /// standard input.
        #[arg(default_value = "-")]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = ExtractFormat::Json)]
        format: ExtractFormat,
        #[command(flatten)]
        common: Common,
    },
    /// List the rules in force.
    Rules {
        #[arg(long, value_enum, default_value_t = ExtractFormat::Human)]
        format: ExtractFormat,
        #[command(flatten)]
        common: Common,
    },
    /// Explain one rule, with its examples.
    Rule {
        id: String,
        #[command(flatten)]
        common: Common,
    },
    /// Run the examples embedded in rule packs (the built-in ones with no FILE).
    TestRules { files: Vec<PathBuf> },
    /// Write a commented starter numlint.toml in the working directory.
    Init {
        /// Overwrite an existing numlint.toml.
        #[arg(long)]
        force: bool,
    },
    /// Print a shell completion script: bash, zsh, fish, powershell, elvish.
    Completions { shell: clap_complete::Shell },
}

/// Options that load rules and configuration.
#[derive(clap::Args, Clone)]
struct Common {
    /// Extra rule packs on top of the built-in ones.
    #[arg(long = "rules", value_name = "FILE", num_args = 1..)]
    rules: Vec<PathBuf>,
    /// The configuration file (default: the nearest numlint.toml upward).
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    config: Option<PathBuf>,
    /// Use no configuration file.
    #[arg(long)]
    isolated: bool,
    /// The encoding of text files that are not UTF-8 (default: detected; GB18030 is tried).
    #[arg(long, value_name = "LABEL")]
    encoding: Option<String>,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files or folders; "-" reads standard input.
    paths: Vec<PathBuf>,
    /// Output format (default: human, or github when GITHUB_ACTIONS=true).
    #[arg(long, value_enum)]
    format: Option<Format>,
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
    /// Name used for "-" in the output (its extension picks the format);
    /// with no PATH, standard input is read.
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,
    /// Hide the findings recorded in this baseline file.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record the current findings in this baseline file, and exit 0.
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Apply `exclude` of numlint.toml to files named on the command line
    /// too (as pre-commit names them), not only to folders walked.
    #[arg(long)]
    force_exclude: bool,
    /// Never show a progress bar.
    #[arg(long)]
    no_progress: bool,
    /// Print how many findings each rule made, instead of the findings.
    #[arg(long)]
    statistics: bool,
    /// Write the output to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    output_file: Option<PathBuf>,
    /// Colour in the human format: auto (on a terminal, unless NO_COLOR is
    /// set), always or never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Print the findings and nothing else: no summary line, no notes.
    #[arg(short, long)]
    quiet: bool,
    /// List the files that would be checked, and check none.
    #[arg(long)]
    show_files: bool,
    #[command(flatten)]
    common: Common,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Human,
    Short,
    Json,
    Jsonl,
    Sarif,
    Github,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum ColorChoice {
    Auto,
    Always,
    Never,
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
            paths,
            format,
            common,
        } => extract(&paths, format, &common),
        Command::Rules { format, common } => list_rules(format, &common),
        Command::Rule { id, common } => explain_rule(&id, &common),
        Command::TestRules { files } => test_rules(&files),
        Command::Init { force } => init(force),
        Command::Completions { shell } => {
            clap_complete::generate(
                shell,
                &mut Cli::command(),
                "numlint",
                &mut std::io::stdout(),
            );
            ExitCode::SUCCESS
        }
    }
}

/// The width of the output when it is no terminal, or the terminal's is not
/// known.
const DEFAULT_COLUMNS: usize = 80;

/// The columns the human output may take: `COLUMNS` where it is set, else the
/// terminal's width, else 80.
fn columns() -> usize {
    if let Some(n) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&n| n >= 20)
    {
        return n;
    }
    if std::io::stdout().is_terminal() {
        if let Some((terminal_size::Width(w), _)) = terminal_size::terminal_size() {
            if w >= 20 {
                return usize::from(w);
            }
        }
    }
    DEFAULT_COLUMNS
}

fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("numlint: {message}");
    ExitCode::from(2)
}

fn report_error(e: impl miette::Diagnostic + Send + Sync + 'static) -> ExitCode {
    eprintln!("{:?}", miette::Report::new(e));
    ExitCode::from(2)
}

/// The configuration, all rules (built-in, the config's packs, --rules) and
/// the encoding, or the exit code of what went wrong.
struct Loaded {
    config: Config,
    rules: RuleSet,
    encoding: Option<&'static encoding_rs::Encoding>,
}

fn load(common: &Common) -> Result<Loaded, ExitCode> {
    let config = if common.isolated {
        Config::default()
    } else {
        let path = match &common.config {
            Some(p) => Some(p.clone()),
            None => std::env::current_dir()
                .ok()
                .and_then(|d| config::discover(&d)),
        };
        match path {
            None => Config::default(),
            Some(p) => {
                let src = std::fs::read_to_string(&p).map_err(|e| {
                    fail(format!("{}: cannot read configuration: {e}", p.display()))
                })?;
                Config::parse(&p, &src).map_err(report_error)?
            }
        }
    };
    let mut rules = RuleSet::builtin().map_err(report_error)?;
    for p in config.rule_packs.iter().chain(&common.rules) {
        let src = std::fs::read_to_string(p)
            .map_err(|e| fail(format!("{}: cannot read rule pack: {e}", p.display())))?;
        rules
            .add_pack(&p.display().to_string(), &src)
            .map_err(report_error)?;
    }
    let encoding = match &common.encoding {
        None => None,
        Some(label) => Some(
            encoding_rs::Encoding::for_label(label.as_bytes()).ok_or_else(|| {
                fail(format!(
                    "unknown encoding `{label}` (try gb18030, gbk, big5, utf-16le)"
                ))
            })?,
        ),
    };
    Ok(Loaded {
        config,
        rules,
        encoding,
    })
}

fn read_stdin(
    name: &str,
    encoding: Option<&'static encoding_rs::Encoding>,
) -> Result<Source, String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{name}: cannot read standard input: {e}"))?;
    let path = Path::new(name);
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    Source::from_bytes(name, InputFormat::of(path), bytes, extension, encoding)
        .map_err(|e| e.to_string())
}

/// What is said of a file read in an encoding detected, neither UTF-8 nor
/// GB18030.
fn detected_note(path: &str, enc: &'static encoding_rs::Encoding) -> String {
    format!(
        "{path}: read as {} (detected; name another with --encoding)",
        enc.name()
    )
}

/// Whether a run of `targets` shows a progress bar: on a terminal, for 20
/// files or more, never when standard output or standard error is piped
/// (the README says so).
fn shows_progress(no_progress: bool, stdout_tty: bool, stderr_tty: bool, targets: usize) -> bool {
    !no_progress && stdout_tty && stderr_tty && targets >= 20
}

fn check(args: CheckArgs) -> ExitCode {
    let loaded = match load(&args.common) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let cli_selection = Selection {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
        severity: Default::default(),
    };
    let selection = loaded.config.selection.then(&cli_selection);
    if let Some(name) = selection.unknown_names(&loaded.rules).first() {
        return fail(format!(
            "unknown rule or check `{name}` (see `numlint rules`)"
        ));
    }
    let baseline = match &args.baseline {
        None => None,
        Some(p) => {
            let parsed = std::fs::read_to_string(p)
                .map_err(|e| e.to_string())
                .and_then(|s| serde_json::from_str::<Baseline>(&s).map_err(|e| e.to_string()));
            match parsed {
                Ok(b) => Some(b),
                Err(e) => return fail(format!("{}: cannot read baseline: {e}", p.display())),
            }
        }
    };
    let format = args.format.unwrap_or(
        if std::env::var("GITHUB_ACTIONS").as_deref() == Ok("true") {
            Format::Github
        } else {
            Format::Human
        },
    );
    // Targets: standard input, then files, in path order. A name for
    // standard input with no path reads it; with paths but not `-`, it would
    // name nothing.
    let stdin_named = args.stdin_filename.is_some();
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(if stdin_named { "-" } else { "." })]
    } else {
        args.paths.clone()
    };
    if stdin_named && !paths.iter().any(|p| p.as_os_str() == "-") {
        return fail(
            "--stdin-filename names standard input, which is read as `-`: add `-` to the paths, or leave them out",
        );
    }
    let mut targets = Vec::new();
    if paths.iter().any(|p| p.as_os_str() == "-") {
        let name = args.stdin_filename.as_deref().unwrap_or("<stdin>");
        match read_stdin(name, loaded.encoding) {
            Ok(s) => targets.push(Target::Stdin(s)),
            Err(e) => {
                eprintln!("numlint: {e}");
                return ExitCode::from(2);
            }
        }
    }
    let others: Vec<PathBuf> = paths.into_iter().filter(|p| p.as_os_str() != "-").collect();
    let config = &loaded.config;
    let (files, errors, unread) =
        collect_paths_noting(&others, &|p: &Path| config.excluded(p), args.force_exclude);
    // Nothing to check is said, not passed over: a folder of PDFs is not a
    // folder of clean reports.
    if files.is_empty()
        && errors.is_empty()
        && targets.is_empty()
        && !args.quiet
        && others.iter().any(|p| p.is_dir())
    {
        let listed: Vec<String> = unread
            .iter()
            .take(10)
            .map(|p| p.display().to_string())
            .collect();
        let more = unread.len().saturating_sub(listed.len());
        eprintln!(
            "numlint: warning: no file to check in {} (numlint reads .txt, .md, .html, .docx, .csv and spreadsheets){}{}",
            others
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
            if listed.is_empty() {
                String::new()
            } else {
                format!("; not read: {}", listed.join(", "))
            },
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            }
        );
    }
    targets.extend(errors.into_iter().map(Target::Failed));
    targets.extend(files.into_iter().map(Target::File));

    // Where the output goes: standard output, or the file asked for (the
    // only file a check writes, beside a baseline).
    let sink: Box<dyn Write + Send> = match &args.output_file {
        None => Box::new(std::io::stdout()),
        Some(p) => match std::fs::File::create(p) {
            Ok(f) => Box::new(f),
            Err(e) => return fail(format!("{}: cannot write output: {e}", p.display())),
        },
    };
    if args.show_files {
        return show_files(targets, sink);
    }

    let progress = if shows_progress(
        args.no_progress,
        std::io::stdout().is_terminal(),
        std::io::stderr().is_terminal(),
        targets.len(),
    ) {
        let bar =
            ProgressBar::with_draw_target(Some(targets.len() as u64), ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    } else {
        ProgressBar::hidden()
    };
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            args.output_file.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let width = if args.output_file.is_none() {
        columns()
    } else {
        DEFAULT_COLUMNS
    };
    let run = Run {
        rules: &loaded.rules,
        config,
        selection: &selection,
        encoding: loaded.encoding,
    };
    let mut summary = Summary::default();
    let mut all: Vec<Finding> = Vec::new();
    let mut json_out = numlint::render::json::Streamer::default();
    // One JSON Lines finding (kept to be reused).
    let mut line: Vec<u8> = Vec::new();
    let mut io_failed = false;
    // The files that could not be read, for SARIF's notifications.
    let mut skipped = Vec::new();
    // Standard output is line-buffered: without a buffer of our own every
    // finding (every line of it) would be a write of its own. A file's
    // findings are written together, then flushed, so output still streams
    // as files finish.
    let mut stdout = std::io::BufWriter::with_capacity(1 << 16, sink);
    let mut closed = false;
    // Findings are printed as files finish, unless a baseline is written
    // or only their numbers are asked for.
    let streaming = args.write_baseline.is_none() && !args.statistics;
    // Findings per rule, for --statistics.
    let mut per_rule: std::collections::BTreeMap<String, (usize, Severity)> = Default::default();
    if format == Format::Json && streaming {
        let _ = write!(stdout, "{}", json_out.begin());
    }
    // One budget for the run: an entry hides one finding, not one per piece.
    let mut budget = baseline.as_ref().map(Baseline::budget);
    // The human format shows a file's findings together: pieces wait here.
    let mut pending: Vec<Finding> = Vec::new();
    run.each(targets, |r: FileResult| {
        if r.last {
            progress.inc(1);
        }
        if let Some(e) = &r.error {
            progress.suspend(|| eprintln!("numlint: {e}"));
            io_failed = true;
            if format == Format::Sarif {
                skipped.push(numlint::render::sarif::Skipped {
                    path: r.path.clone(),
                    message: e.clone(),
                });
            }
            return;
        }
        summary.files += usize::from(r.last);
        if let Some(enc) = r
            .source
            .as_ref()
            .and_then(|s| s.detected)
            .filter(|_| r.last && !args.quiet)
        {
            progress.suspend(|| eprintln!("numlint: {}", detected_note(&r.path, enc)));
        }
        let mut findings = r.findings;
        // A baseline rewritten records every finding of the run: those it
        // held that are still found, and the new ones.
        if let Some(b) = budget.as_mut().filter(|_| args.write_baseline.is_none()) {
            b.filter(&mut findings);
        }
        summary.count(&findings);
        if args.statistics {
            for f in &findings {
                per_rule.entry(f.rule.clone()).or_insert((0, f.severity)).0 += 1;
            }
        }
        if format == Format::Human && streaming && !closed && !r.last {
            pending.append(&mut findings);
            return;
        }
        if streaming && !closed {
            let printed = progress.suspend(|| {
                match format {
                    Format::Human => {
                        let (path, text) = r
                            .source
                            .as_deref()
                            .map_or(("", ""), |s| (s.path.as_str(), s.text.as_str()));
                        pending.append(&mut findings);
                        findings = std::mem::take(&mut pending);
                        if findings.is_empty() {
                            return Ok(());
                        }
                        write!(
                            stdout,
                            "{}",
                            numlint::render::human::render(&findings, path, text, color, width)
                        )
                    }
                    Format::Short => findings
                        .iter()
                        .try_for_each(|f| writeln!(stdout, "{}", numlint::render::short::line(f))),
                    Format::Github => findings
                        .iter()
                        .try_for_each(|f| writeln!(stdout, "{}", numlint::render::github::line(f))),
                    Format::Jsonl => findings.iter().try_for_each(|f| {
                        line.clear();
                        numlint::render::json::jsonl_line(&mut line, f);
                        line.push(b'\n');
                        stdout.write_all(&line)
                    }),
                    Format::Json => findings
                        .iter()
                        .try_for_each(|f| stdout.write_all(json_out.finding(f))),
                    Format::Sarif => Ok(()),
                }
                .and_then(|()| stdout.flush())
            });
            closed |= printed.is_err();
        }
        // Only SARIF and baselines need every finding at the end.
        if (format == Format::Sarif && streaming) || args.write_baseline.is_some() {
            all.extend(findings);
        }
    });
    progress.finish_and_clear();
    if closed {
        return ExitCode::from(2);
    }
    if let Some(path) = &args.write_baseline {
        let b = Baseline::of(&all);
        let text = serde_json::to_string_pretty(&b).unwrap_or_default();
        if let Err(e) = std::fs::write(path, text + "\n") {
            return fail(format!("{}: cannot write baseline: {e}", path.display()));
        }
        if !args.quiet {
            eprintln!(
                "numlint: recorded {} finding{} in {}",
                all.len(),
                if all.len() == 1 { "" } else { "s" },
                path.display()
            );
        }
        return if io_failed {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        };
    }
    if args.statistics {
        let mut rows: Vec<_> = per_rule.into_iter().collect();
        rows.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then_with(|| a.0.cmp(&b.0)));
        for (rule, (n, severity)) in rows {
            let _ = writeln!(stdout, "{n:>7}  {rule:<22} {}", severity.as_str());
        }
    }
    match format {
        _ if args.statistics && (args.quiet || format != Format::Human) => {}
        Format::Json => {
            let _ = write!(stdout, "{}", json_out.end(summary));
        }
        Format::Sarif => {
            let _ = writeln!(
                stdout,
                "{}",
                numlint::render::sarif::log(&all, &loaded.rules, &skipped)
            );
        }
        Format::Human if args.quiet => {}
        Format::Human => {
            let plural = |n: usize| if n == 1 { "" } else { "s" };
            let _ = writeln!(
                stdout,
                "numlint: {} error{}, {} warning{} in {} file{}",
                summary.errors,
                plural(summary.errors),
                summary.warnings,
                plural(summary.warnings),
                summary.files,
                plural(summary.files)
            );
        }
        Format::Short | Format::Jsonl | Format::Github => {}
    }
    // As before the buffer, a reader gone before the last lines does not
    // change the exit code (one gone mid-run does: above).
    let _ = stdout.flush();
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

/// `--show-files`: the files a check would read, one a line, in the order
/// it would read them; nothing is read. A path that cannot be listed is
/// reported (exit 2).
fn show_files(targets: Vec<Target>, sink: Box<dyn Write + Send>) -> ExitCode {
    let mut out = std::io::BufWriter::new(sink);
    let mut failed = false;
    for t in targets {
        let _ = match t {
            Target::File(p) => writeln!(out, "{}", p.display()),
            Target::Stdin(s) => writeln!(out, "{}", s.path),
            Target::Failed(e) => {
                eprintln!("numlint: {e}");
                failed = true;
                Ok(())
            }
        };
    }
    let _ = out.flush();
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

fn extract(paths: &[PathBuf], format: ExtractFormat, common: &Common) -> ExitCode {
    let loaded = match load(common) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let mut failed = false;
    let mut sources: Vec<Result<Source, String>> = Vec::new();
    if paths.iter().any(|p| p.as_os_str() == "-") {
        sources.push(read_stdin("<stdin>", loaded.encoding));
    }
    let others: Vec<PathBuf> = paths
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .cloned()
        .collect();
    let config = &loaded.config;
    let (files, errors) = collect_paths(&others, &|p: &Path| config.excluded(p));
    for e in errors {
        eprintln!("numlint: {e}");
        failed = true;
    }
    let rules = loaded.config.selection.apply(&loaded.rules);
    let mut docs = Vec::new();
    // Files are read one at a time, in path order: a folder's documents are
    // never all held at once (but their JSON is, to print one object).
    let files = files
        .into_iter()
        .map(|f| numlint::input::load(&f, loaded.encoding).map_err(|e| e.to_string()));
    for source in sources.into_iter().chain(files) {
        let source = match source {
            Ok(s) => s,
            Err(message) => {
                eprintln!("numlint: {message}");
                failed = true;
                continue;
            }
        };
        if let Some(enc) = source.detected {
            eprintln!("numlint: {}", detected_note(&source.path, enc));
        }
        let analysis = analyze_source(&source, &rules);
        match format {
            ExtractFormat::Json => docs.push(numlint::render::json::extracted_document(
                &source.path,
                &source.text,
                &analysis.quantities,
                &analysis.claims,
                source.tables.len(),
            )),
            ExtractFormat::Human => print_extracted(&source, &analysis),
        }
    }
    if format == ExtractFormat::Json {
        println!("{}", numlint::render::json::extract(&docs));
    }
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// The human form of what `extract` found in one source.
fn print_extracted(source: &Source, analysis: &numlint::lint::Analysis) {
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

fn list_rules(format: ExtractFormat, common: &Common) -> ExitCode {
    let loaded = match load(common) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let rules = loaded.config.selection.apply(&loaded.rules);
    let unused = loaded.config.selection.unused_suppression();
    let mut out = std::io::stdout().lock();
    // A closed pipe (`numlint rules | head`) ends the listing, nothing else.
    let _ = match format {
        ExtractFormat::Json => {
            let mut list = match serde_json::to_value(&rules.rules) {
                Ok(serde_json::Value::Array(list)) => list,
                Ok(_) => Vec::new(),
                Err(e) => return fail(e),
            };
            // The pseudo-rule of suppressions, in the shape of the others.
            if let Some(severity) = unused {
                let vocabulary = serde_json::to_value(numlint::rules::Vocabulary::default())
                    .unwrap_or(serde_json::Value::Null);
                list.push(serde_json::json!({
                    "id": numlint::suppress::UNUSED,
                    "check": "suppression",
                    "severity": severity.as_str(),
                    "summary": numlint::suppress::UNUSED_SUMMARY,
                    "lang": null,
                    "tolerance": "0",
                    "vocabulary": vocabulary,
                    "examples": [],
                    "source": "numlint",
                }));
            }
            match serde_json::to_string_pretty(&list) {
                Ok(s) => writeln!(out, "{s}"),
                Err(e) => return fail(e),
            }
        }
        ExtractFormat::Human => {
            let mut rows: Vec<[&str; 4]> = rules
                .rules
                .iter()
                .map(|r| [&r.id, r.check.as_str(), r.severity.as_str(), &r.summary])
                .collect();
            if let Some(severity) = unused {
                rows.push([
                    numlint::suppress::UNUSED,
                    "suppression",
                    severity.as_str(),
                    numlint::suppress::UNUSED_SUMMARY,
                ]);
            }
            // The summary wrapped to the width, under its column; the ids
            // and checks as wide as the longest.
            let id_w = rows.iter().map(|r| r[0].len()).max().unwrap_or(0);
            let check_w = rows.iter().map(|r| r[1].len()).max().unwrap_or(0);
            let lead = id_w + 1 + check_w + 1 + 8 + 1;
            let room = columns().saturating_sub(lead).max(20);
            rows.iter().try_for_each(|[id, check, severity, summary]| {
                let lines = numlint::render::human::wrap(summary, room);
                let mut lines = lines.iter();
                let first = lines.next().map_or("", String::as_str);
                writeln!(out, "{id:<id_w$} {check:<check_w$} {severity:<8} {first}")?;
                lines.try_for_each(|l| writeln!(out, "{:lead$}{l}", ""))
            })
        }
    };
    ExitCode::SUCCESS
}

fn explain_rule(id: &str, common: &Common) -> ExitCode {
    let loaded = match load(common) {
        Ok(l) => l,
        Err(code) => return code,
    };
    if id == numlint::suppress::UNUSED {
        let severity = loaded
            .config
            .selection
            .unused_suppression()
            .map_or("off", |s| s.as_str());
        println!("{id} (suppression, {severity})");
        println!("from numlint\n");
        println!("{}\n", numlint::suppress::UNUSED_SUMMARY);
        println!("  A directive naming only rules or checks that do not run is not judged;");
        println!("  one naming no known rule or check says so. Select, ignore or give it a");
        println!("  severity as a rule (`unused-suppression` or `suppression`).");
        println!("\nexamples:");
        println!(
            "  [warning] numlint-disable-next-line ratio   (before a line with no ratio finding)"
        );
        return ExitCode::SUCCESS;
    }
    let Some(r) = loaded.rules.get(id) else {
        return fail(format!("no rule `{id}` (see `numlint rules`)"));
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
    let common = Common {
        rules: files.to_vec(),
        config: None,
        isolated: true,
        encoding: None,
    };
    let loaded = match load(&common) {
        Ok(l) => l,
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
    for rule in loaded
        .rules
        .rules
        .iter()
        .filter(|r| sources.contains(&r.source))
    {
        let only = loaded.rules.subset(vec![rule.clone()]);
        for ex in &rule.examples {
            let findings = match &ex.format {
                Some(ext) => {
                    let name = format!("example.{ext}");
                    let format = InputFormat::of(Path::new(&name));
                    let source = numlint::input::Source::from_text(&name, format, ex.text.clone());
                    numlint::lint::lint_source(&source, &only)
                }
                None => numlint::lint::lint("example", &ex.text, &only),
            };
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

fn init(force: bool) -> ExitCode {
    let path = Path::new(config::FILE_NAME);
    if path.exists() && !force {
        return fail(format!(
            "{} already exists (use --force to overwrite it)",
            config::FILE_NAME
        ));
    }
    match std::fs::write(path, config::STARTER) {
        Ok(()) => {
            println!("wrote {}", config::FILE_NAME);
            ExitCode::SUCCESS
        }
        Err(e) => fail(format!("cannot write {}: {e}", config::FILE_NAME)),
    }
}

#[cfg(test)]
mod tests {
    use super::shows_progress;

    /// The bar draws on a terminal for long runs only: not when standard
    /// output is piped (it drew then, on standard error).
    #[test]
    fn no_progress_bar_when_output_is_piped() {
        assert!(shows_progress(false, true, true, 20));
        assert!(!shows_progress(false, false, true, 2000));
        assert!(!shows_progress(false, true, false, 2000));
        assert!(!shows_progress(true, true, true, 2000));
        assert!(!shows_progress(false, true, true, 19));
    }
}
