#!/usr/bin/env python3
"""Measure numlint on a folder of real published text against the review ledger.

Usage: scripts/real-corpus.sh [CORPUS] [--ledger FOLDER] [--binary PATH] [--list]
       scripts/real-corpus.sh TABLES_FOLDER --tables

With --tables, every subfolder of the folder is a source of real tables
(Markdown, HTML, CSV/TSV, Word, spreadsheets): the script counts its tables
and the table claims made of them (per check kind), and its findings against
the ledger, per 100 tables (the target: at most 1 false alarm per 100).

CORPUS is a folder whose top-level subfolders are languages (`zh/`, `en/`,
...), as in ../shared/corpus (the default). Every finding numlint reports
there is looked up in the ledger (default fixtures/real-review/*.toml, one file per
check kind) by file
(relative to CORPUS), line, rule and the text of the figures it underlines.
The script prints, per language and per rule: findings, findings per MB, how
many the ledger calls true, false or has not reviewed, and precision; then
every unreviewed finding (to be read by hand and added to the ledger) and
the ledger entries no longer reported (false alarms fixed, or true findings
lost). Exit status: 0 always, unless numlint itself could not run.
"""

import argparse
import collections
import json
import os
import subprocess
import sys
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def key(file, line, rule, figures):
    return (file, int(line), rule, tuple(figures))


def load_ledger(folder):
    ledger = {}
    if not os.path.isdir(folder):
        return ledger
    for name in sorted(os.listdir(folder)):
        if name.endswith(".toml"):
            load_ledger_file(os.path.join(folder, name), ledger)
    return ledger


def load_ledger_file(path, ledger):
    with open(path, "rb") as f:
        data = tomllib.load(f)
    for i, e in enumerate(data.get("finding", [])):
        for field in ("file", "line", "rule", "figures", "verdict", "why"):
            if field not in e:
                sys.exit(f"{path}: entry {i + 1} has no '{field}'")
        if e["verdict"] not in ("true", "false"):
            sys.exit(f"{path}: entry {i + 1}: verdict must be \"true\" or \"false\"")
        k = key(e["file"], e["line"], e["rule"], e["figures"])
        if k in ledger:
            sys.exit(f"{path}: entry {i + 1} repeats {k}")
        ledger[k] = e


def folder_bytes(folder):
    total = 0
    for dirpath, _, files in os.walk(folder):
        for name in files:
            total += os.path.getsize(os.path.join(dirpath, name))
    return total


def run_numlint(binary, folder):
    out = subprocess.run(
        [binary, "check", folder, "--format", "json", "--isolated", "--exit-zero", "--no-progress"],
        capture_output=True,
        text=True,
    )
    if out.returncode != 0:
        sys.exit(f"numlint failed on {folder} (exit {out.returncode}):\n{out.stderr}")
    return json.loads(out.stdout)["findings"]


def print_unreviewed(unreviewed, how):
    """Lists the findings the ledger does not hold, to be reviewed by hand."""
    if not unreviewed:
        return
    print(f"\n== {len(unreviewed)} unreviewed ({how}, redo the arithmetic, add to the ledger)")
    for rel, f in unreviewed:
        figs = ", ".join(json.dumps(label["text"], ensure_ascii=False) for label in f["labels"])
        print(f"  {rel}:{f['line']}:{f['column']} {f['rule']} {f['message']}  figures=[{figs}]")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=os.path.join(ROOT, "..", "shared", "corpus"))
    ap.add_argument("--ledger", default=os.path.join(ROOT, "fixtures", "real-review"))
    ap.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "numlint"))
    ap.add_argument("--langs", default="zh,en", help="top-level folders to read (comma-separated)")
    ap.add_argument("--list", action="store_true", help="also list every reviewed finding")
    ap.add_argument("--tables", action="store_true", help="the folder holds real tables (see above)")
    args = ap.parse_args()
    if args.tables:
        return main_tables(args)

    corpus = os.path.normpath(args.corpus)
    ledger = load_ledger(args.ledger)
    seen = set()
    unreviewed = []
    worst = 0.0
    for lang in args.langs.split(","):
        folder = os.path.join(corpus, lang)
        if not os.path.isdir(folder):
            print(f"== {lang}: no folder {folder}, skipped")
            continue
        mb = folder_bytes(folder) / 1e6
        per_rule = collections.defaultdict(collections.Counter)
        for f in run_numlint(args.binary, folder):
            rel = os.path.relpath(f["path"], corpus)
            figures = [label["text"] for label in f["labels"]]
            k = key(rel, f["line"], f["rule"], figures)
            e = ledger.get(k)
            verdict = e["verdict"] if e else "unreviewed"
            if e:
                seen.add(k)
            else:
                unreviewed.append((rel, f))
            per_rule[f["rule"]][verdict] += 1
            if args.list and e:
                print(f"  {verdict:5} {rel}:{f['line']} {f['rule']} {f['message']}  # {e['why']}")
        tot = collections.Counter()
        for c in per_rule.values():
            tot.update(c)
        n = sum(tot.values())
        bad = tot["false"] + tot["unreviewed"]
        worst = max(worst, bad / mb if mb else 0.0)
        print(f"== {lang}: {mb:.2f} MB, {n} findings ({n / mb:.2f}/MB): "
              f"{tot['true']} true, {tot['false']} false, {tot['unreviewed']} unreviewed; "
              f"unreviewed-or-false {bad / mb:.2f}/MB")
        print(f"   {'rule':28} {'found':>5} {'/MB':>6} {'true':>5} {'false':>5} {'unrev':>5} {'precision':>9}")
        for rule in sorted(per_rule):
            c = per_rule[rule]
            m = sum(c.values())
            reviewed = c["true"] + c["false"]
            prec = f"{c['true'] / reviewed:.2f}" if reviewed else "-"
            print(f"   {rule:28} {m:5} {m / mb:6.2f} {c['true']:5} {c['false']:5} {c['unreviewed']:5} {prec:>9}")

    print_unreviewed(unreviewed, "read each sentence")
    # Only entries of files in this corpus: another corpus's are not "gone".
    gone = [e for k, e in ledger.items()
            if k not in seen and k[0].split("/")[0] in args.langs.split(",")
            and os.path.exists(os.path.join(corpus, k[0]))]
    if gone:
        fixed = sum(1 for e in gone if e["verdict"] == "false")
        lost = [e for e in gone if e["verdict"] == "true"]
        print(f"\n== ledger entries no longer reported: {fixed} false alarms gone, {len(lost)} true findings lost")
        for e in lost:
            print(f"  LOST {e['file']}:{e['line']} {e['rule']} {e['figures']}  # {e['why']}")
    print(f"\nworst language: {worst:.2f} unreviewed-or-false findings per MB (target <= 0.5)")


def main_tables(args):
    corpus = os.path.normpath(args.corpus)
    ledger = load_ledger(args.ledger)
    folders = sorted(d for d in os.listdir(corpus) if os.path.isdir(os.path.join(corpus, d)))
    totals = collections.Counter()
    unreviewed = []
    print(f"   {'folder':34} {'files':>5} {'tables':>6} {'claims':>6} {'found':>5} {'true':>5} {'false':>5} {'unrev':>5}")
    for d in folders:
        folder = os.path.join(corpus, d)
        out = subprocess.run([args.binary, "extract", folder, "--format", "json", "--isolated"],
                             capture_output=True, text=True)
        if out.returncode not in (0, 2):
            sys.exit(f"numlint extract failed on {folder}:\n{out.stderr}")
        docs = json.loads(out.stdout)["documents"] if out.stdout.strip() else []
        tables = sum(doc.get("tables", 0) for doc in docs)
        kinds = collections.Counter(c["check"] for doc in docs for c in doc["claims"]
                                    if c["check"].startswith("table-"))
        verdicts = collections.Counter()
        for f in run_numlint(args.binary, folder):
            if not f["check"].startswith("table-"):
                continue
            rel = os.path.relpath(f["path"], corpus)
            figures = [label["text"] for label in f["labels"]]
            e = ledger.get(key(rel, f["line"], f["rule"], figures))
            verdict = e["verdict"] if e else "unreviewed"
            verdicts[verdict] += 1
            if not e:
                unreviewed.append((rel, f))
        n = sum(verdicts.values())
        print(f"   {d:34} {len(docs):5} {tables:6} {sum(kinds.values()):6} {n:5} "
              f"{verdicts['true']:5} {verdicts['false']:5} {verdicts['unreviewed']:5}  "
              + ", ".join(f"{k[6:]} {v}" for k, v in sorted(kinds.items())))
        totals.update({"files": len(docs), "tables": tables, "claims": sum(kinds.values()), "found": n})
        totals.update(verdicts)
    bad = totals["false"] + totals["unreviewed"]
    per100 = 100 * bad / totals["tables"] if totals["tables"] else 0.0
    print(f"== {totals['files']} files, {totals['tables']} tables, {totals['claims']} table claims, "
          f"{totals['found']} findings: {totals['true']} true, {totals['false']} false, "
          f"{totals['unreviewed']} unreviewed")
    print(f"unreviewed-or-false: {per100:.2f} per 100 tables (target <= 1)")
    print_unreviewed(unreviewed, "open the table")


if __name__ == "__main__":
    main()
