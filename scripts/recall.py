#!/usr/bin/env python3
"""Claim recall of numlint on the hand-annotated recall set.

Usage: scripts/recall.py [--binary PATH] [--set FOLDER] [--misses] [--lang zh|en]

For every passage of fixtures/real-claims/*.toml (format in its README.md)
numlint's `extract` lists the claims it recognises. An annotated claim is
recognised when a claim of a compatible check names each of its figures
(by position in the passage; for a list, its count) in the same role. Per
language and claim kind the script prints:

- claim recall: annotated claims recognised;
- verdict accuracy: recognised claims whose verdict (holds or not) is the
  annotator's;
- mutation recall: one figure of each consistent claim changed beyond its
  rounding (its leading digit moved by two); numlint must then report a
  finding that underlines it;
- originals flagged: consistent claims numlint reports a finding on.
"""

import argparse
import collections
import glob
import json
import os
import subprocess
import sys
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

ROLES = {
    "ratio": ["whole", "part", "stated"],
    "sum": ["total", "items"],
    "subset": ["whole", "part"],
    "change": ["before", "after", "change"],
    "list-count": ["count"],
}
# Which of numlint's checks may state an annotated kind: 其中 with several
# parts is a sum claim in numlint, one part a subset claim.
CHECKS = {
    "ratio": {"ratio"},
    "sum": {"sum"},
    "subset": {"subset", "sum"},
    "change": {"change"},
    "list-count": {"list-count"},
}
# numlint's role names for the annotated ones.
ROLE_NAME = {"items": "item", "total": "total", "whole": "whole", "part": "part",
             "stated": "stated", "before": "before", "after": "after",
             "change": "change", "count": "count"}
# An annotated role may be named otherwise by the check that finds it.
ROLE_ALIASES = {"whole": {"whole", "total"}, "part": {"part", "item"}}

ZH_DIGITS = "零一二三四五六七八九"


def occurrence(text, needle, k):
    """Character offset of the k-th (1-based) occurrence of needle in text."""
    at = -1
    for _ in range(k):
        at = text.find(needle, at + 1)
        if at < 0:
            return None
    return at


def figures_of(passage, claim):
    """[(role, char_start, char_end, text)] of an annotated claim."""
    out = []
    for role in ROLES[claim["kind"]]:
        if role not in claim:
            continue
        values = claim[role] if isinstance(claim[role], list) else [claim[role]]
        if role == "items" and claim["kind"] == "list-count":
            continue
        for i, v in enumerate(values):
            k = claim.get(f"{role}_at", 1)
            if isinstance(k, list):
                k = k[i]
            # Items that repeat a text are found one after the other.
            if role == "items":
                k = values[: i + 1].count(v) if f"{role}_at" not in claim else k
            at = occurrence(passage, v, k)
            if at is None:
                raise ValueError(f"figure {v!r} ({role}) not in passage: {passage[:60]!r}")
            out.append((role, at, at + len(v), v))
    return out


def byte_to_char(text):
    """Map from byte offset (UTF-8) to character offset."""
    m = {}
    b = 0
    for i, ch in enumerate(text):
        m[b] = i
        b += len(ch.encode("utf-8"))
    m[b] = len(text)
    return m


def run(binary, args, text):
    out = subprocess.run([binary, *args, "-", "--isolated"], input=text, capture_output=True,
                         text=True)
    if out.returncode not in (0, 1):
        sys.exit(f"numlint failed (exit {out.returncode}): {out.stderr}")
    return json.loads(out.stdout)


def claims_of(binary, text):
    doc = run(binary, ["extract", "--format", "json"], text)["documents"][0]
    b2c = byte_to_char(text)
    claims = []
    for c in doc.get("claims", []):
        labels = [(lab["role"], b2c.get(lab["start"], 0), b2c.get(lab["end"], 0))
                  for lab in c["labels"]]
        claims.append((c["check"], c["consistent"], labels))
    return claims


def findings_of(binary, text):
    res = run(binary, ["check", "--format", "json", "--exit-zero", "--no-progress"], text)
    b2c = byte_to_char(text)
    return [[(b2c.get(lab["start"], 0), b2c.get(lab["end"], 0)) for lab in f["labels"]]
            for f in res["findings"]]


def overlaps(a0, a1, b0, b1):
    return a0 < b1 and b0 < a1


def matches(kind, figs, claim):
    check, _, labels = claim
    if check not in CHECKS[kind]:
        return False
    for role, s, e, _ in figs:
        names = ROLE_ALIASES.get(role, {ROLE_NAME[role]})
        if not any(r in names and overlaps(s, e, ls, le) for r, ls, le in labels):
            return False
    return True


def mutate(text, up=False):
    """The figure text with its leading digit moved by two (beyond any rounding);
    with `up`, made larger."""
    for i, ch in enumerate(text):
        if up and ch.isdigit() and ch.isascii():
            d = int(ch)
            new = str(d + 2) if d <= 7 else "1" + ch
            return text[:i] + new + text[i + 1:]
        if ch.isdigit() and ch.isascii():
            d = int(ch)
            new = (d + 2) % 10 if d != 8 else 1
            if new == 0:
                new = 3
            return text[:i] + str(new) + text[i + 1:]
        if "０" <= ch <= "９":
            d = ord(ch) - ord("０")
            new = (d + 2) % 10 or 3
            return text[:i] + chr(ord("０") + new) + text[i + 1:]
        if ch in ZH_DIGITS[1:] or ch == "两":
            d = 2 if ch == "两" else ZH_DIGITS.index(ch)
            new = d + 2 if d + 2 <= 9 else d - 2
            return text[:i] + ZH_DIGITS[new] + text[i + 1:]
    words = {"one": "three", "two": "four", "three": "five", "four": "six", "five": "seven",
             "six": "eight", "seven": "nine", "eight": "six", "nine": "seven", "ten": "twelve"}
    low = text.lower()
    for w, r in words.items():
        if low.startswith(w):
            return r + text[len(w):]
    return None


def plant(kind, text, figs):
    """The passage with one error planted in a claim: (text, start, new figure)."""
    by_role = {r: (s, e, t) for r, s, e, t in figs}
    if kind == "subset" and "whole" in by_role and "part" in by_role:
        # The part made larger than the whole.
        ws, we, wt = by_role["whole"]
        ps, pe, _ = by_role["part"]
        m = mutate(wt, up=True)
        return (None, 0, None) if m is None else (text[:ps] + m + text[pe:], ps, m)
    if kind == "change" and "change" not in by_role and "before" in by_role and "after" in by_role:
        # No stated size: the direction reversed, the figures swapped.
        bs, be, bt = by_role["before"]
        as_, ae, at = by_role["after"]
        if bs > as_:
            return None, 0, None
        swapped = text[:bs] + at + text[be:as_] + bt + text[ae:]
        return swapped, as_ + (len(at) - len(bt)), bt
    role = target_role(kind)
    cand = [x for x in figs if x[0] == role] or figs
    _, fs, fe, ftext = cand[0]
    m = mutate(ftext)
    return (None, 0, None) if m is None else (text[:fs] + m + text[fe:], fs, m)


def target_role(kind):
    return {"ratio": "stated", "sum": "total", "subset": "part", "change": "after",
            "list-count": "count"}[kind]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "numlint"))
    ap.add_argument("--set", default=os.path.join(ROOT, "fixtures", "real-claims"))
    ap.add_argument("--lang", default=None)
    ap.add_argument("--misses", action="store_true",
                    help="list claims not recognised and planted errors not caught")
    ap.add_argument("--counts", action="store_true",
                    help="show each ratio as its two counts (258/323) rather than rounded")
    args = ap.parse_args()

    stats = collections.defaultdict(collections.Counter)
    misses = []
    uncaught = []
    for path in sorted(glob.glob(os.path.join(args.set, "*.toml"))):
        lang = os.path.basename(path).split(".")[0].split("-")[0]
        if args.lang and lang != args.lang:
            continue
        with open(path, "rb") as f:
            data = tomllib.load(f)
        for p in data.get("passage", []):
            text = p["text"]
            claims = claims_of(args.binary, text)
            found = None
            for c in p.get("claim", []):
                kind = c["kind"]
                key = (lang, kind)
                s = stats[key]
                figs = figures_of(text, c)
                s["claims"] += 1
                hit = [x for x in claims if matches(kind, figs, x)]
                if hit:
                    s["recognised"] += 1
                    s["verdict_ok"] += int(hit[0][1] == c["consistent"])
                else:
                    misses.append((lang, kind, p.get("source", ""), text, c))
                if not c["consistent"]:
                    s["inconsistent"] += 1
                    continue
                if found is None:
                    found = findings_of(args.binary, text)
                spans = [(s0, e0) for _, s0, e0, _ in figs]
                if any(overlaps(a, b, ls, le) for f in found for ls, le in f for a, b in spans):
                    s["originals_flagged"] += 1
                # One planted error: the target role's figure changed.
                mutated, fs, m = plant(kind, text, figs)
                if mutated is None:
                    continue
                s["mutations"] += 1
                mf = findings_of(args.binary, mutated)
                ms, me = fs, fs + len(m)
                if any(overlaps(ms, me, ls, le) for f in mf for ls, le in f):
                    s["mutations_caught"] += 1
                elif hit:
                    uncaught.append((lang, kind, mutated, m))

    def ratio(a, b):
        if not b:
            return "-"
        return f"{a}/{b}" if args.counts else f"{a / b:.2f}"

    for lang in sorted({k[0] for k in stats}):
        total = collections.Counter()
        print(f"== {lang}")
        print(f"   {'kind':11} {'claims':>6} {'recall':>6} {'verdict':>7} {'mutated':>7} "
              f"{'caught':>6} {'orig.flagged':>12}")
        for (l, kind), s in sorted(stats.items()):
            if l != lang:
                continue
            total.update(s)
            consistent = s["claims"] - s["inconsistent"]
            print(f"   {kind:11} {s['claims']:6} {ratio(s['recognised'], s['claims']):>6} "
                  f"{ratio(s['verdict_ok'], s['recognised']):>7} {s['mutations']:7} "
                  f"{ratio(s['mutations_caught'], s['mutations']):>6} "
                  f"{ratio(s['originals_flagged'], consistent):>12}")
        s = total
        consistent = s["claims"] - s["inconsistent"]
        print(f"   {'all':11} {s['claims']:6} {ratio(s['recognised'], s['claims']):>6} "
              f"{ratio(s['verdict_ok'], s['recognised']):>7} {s['mutations']:7} "
              f"{ratio(s['mutations_caught'], s['mutations']):>6} "
              f"{ratio(s['originals_flagged'], consistent):>12}")
    if args.misses:
        print(f"\n== {len(misses)} claims not recognised")
        for lang, kind, src, text, c in misses:
            roles = {k: v for k, v in c.items() if k in ROLES[kind] or k == "items"}
            print(f"  [{lang} {kind}] {text[:160]!r} {roles}")
        print(f"\n== {len(uncaught)} planted errors not caught in recognised claims")
        for lang, kind, text, m in uncaught:
            print(f"  [{lang} {kind}] planted {m!r} in {text[:160]!r}")


if __name__ == "__main__":
    main()
