#!/usr/bin/env bash
# Benchmark numlint against the floor for anything that reads every number
# (ripgrep merely finding the numerals) and a fast Rust prose linter (typos),
# on two corpora built from the fixtures:
#   many/  about 20 MB in 2000 files
#   one.txt  one file of at least 100 MB
#   tables/  about 8 MB of tables in 2000 files (Markdown, HTML, CSV, TSV)
#   big.csv  one table of 400 000 rows; big.xlsx  a workbook of 200 000 rows
# Prints time, MB/s, peak memory and the ratios. Needs: rg, typos, GNU time
# (apt-get install ripgrep time; cargo install typos-cli); the workbook needs
# openpyxl (pip install openpyxl). Rerun any time:
#   scripts/bench.sh [WORKDIR]
# BENCH=tables scripts/bench.sh runs the tables part alone (numlint and GNU
# time only).
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-${TMPDIR:-/tmp}/numlint-bench}"
mkdir -p "$work"
cargo build --release --quiet
numlint="$PWD/target/release/numlint"
tools="rg typos /usr/bin/time"
[ "${BENCH:-}" = tables ] && tools=/usr/bin/time
for tool in $tools; do
  command -v "$tool" >/dev/null || { echo "missing $tool (see the header of $0)"; exit 2; }
done

# Best of three runs (the page cache warm for every tool), and its peak memory.
measure() { # label, bytes, command...
  local label=$1 bytes=$2; shift 2
  local best="" best_kb=""
  for _ in 1 2 3; do
    /usr/bin/time -o "$work/.time" -f "%e %M" "$@" >/dev/null 2>&1 || true
    read -r secs kb < <(grep -v "^Command" "$work/.time")
    if [ -z "$best" ] || python3 -c "import sys; sys.exit(0 if $secs < $best else 1)"; then
      best=$secs; best_kb=$kb
    fi
  done
  python3 -c "s=float('$best'); b=$bytes; print('  %-8s %7.2f s %8.1f MB/s %8.1f MiB peak' % ('$label', s, b/1e6/max(s,1e-3), int('$best_kb')/1024))"
  echo "$best $best_kb" > "$work/.last"
}
verdict() { python3 -c "print('met' if $1 else 'NOT met')"; }

if [ "${BENCH:-}" != tables ]; then
python3 - "$work" <<'PY'
import os, sys, glob
work = sys.argv[1]
texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob("fixtures/seeds/*.txt"))]
texts += [l.split(" | ", 1)[1].replace("\\n", "\n") + "\n" for p in sorted(glob.glob("fixtures/cases/*.txt"))
          for l in open(p, encoding="utf-8") if " | " in l and not l.startswith("#")]
blob = "\n".join(texts)
many = os.path.join(work, "many")
os.makedirs(many, exist_ok=True)
if len(os.listdir(many)) != 2000:
    per = 20_000_000 // 2000
    ratio = len(blob.encode("utf-8")) / len(blob)
    for i in range(2000):
        start = (i * 7919) % len(blob)
        piece = (blob[start:] + blob)[: int(per / ratio)]
        with open(os.path.join(many, f"r{i:04}.txt"), "w", encoding="utf-8") as f:
            f.write(piece)
one = os.path.join(work, "one.txt")
if not os.path.exists(one) or os.path.getsize(one) < 100_000_000:
    with open(one, "w", encoding="utf-8") as f:
        written = 0
        while written < 100_000_000:
            f.write(blob)
            written += len(blob.encode("utf-8"))
PY


echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB"

for corpus in many one.txt; do
  path="$work/$corpus"
  bytes=$(du -sb "$path" | cut -f1)
  largest=$(find "$path" -type f -printf '%s\n' | sort -n | tail -1)
  echo "== $corpus: $(python3 -c "print(round($bytes/1e6,1))") MB, $(find "$path" -type f | wc -l) files, largest $(python3 -c "print(round($largest/1e6,1))") MB"
  measure numlint "$bytes" "$numlint" check "$path" --format json --no-progress --isolated; read -r n nkb < "$work/.last"
  measure rg "$bytes" rg -c '[0-9０-９一二三四五六七八九十百千万亿]+' "$path"; read -r r _ < "$work/.last"
  measure typos "$bytes" typos "$path"; read -r t _ < "$work/.last"
  python3 -c "n,r,t=$n,$r,$t; print(f'  numlint/rg = {n/max(r,1e-3):.1f}x (target <= 3x: '+('met' if n <= 3*r else 'NOT met')+f'), numlint/typos = {n/max(t,1e-3):.2f}x (target <= 1x: '+('met' if n <= t else 'NOT met')+')')"
  limit=$(python3 -c "print(round(1.5*$largest/2**20+32,1))")
  echo "  memory: $(python3 -c "print(round($nkb/1024,1))") MiB; target <= $limit MiB (1.5 x largest file + 32 MiB): $(verdict "$nkb/1024 <= $limit")"
  if [ "$corpus" = many ]; then
    echo "  memory target for the many-files corpus: <= 64 MiB: $(verdict "$nkb/1024 <= 64")"
  fi
done

# Hostile inputs, one file each (the shapes of tests/hostile.rs): time per MB
# and peak memory. Targets: well under a second per MB, whatever the shape;
# memory at most 1.5 x the file + 32 MiB, as for any run.
hostile="$work/hostile"
mkdir -p "$hostile"
python3 - "$hostile" <<'PY'
import os, sys
d = sys.argv[1]
def w(name, data):
    p = os.path.join(d, name)
    if not os.path.exists(p):
        with open(p, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
w("long-line.txt", "需救治17093人,已救治17025人,救治进度99.3%" * 200_000)
w("english-line.txt", "The hospital treated 1,250 patients in total. " * 220_000)
w("number-words.txt", "a hundred a dozen a third " * 400_000)
w("from-to.txt", "rose from 1 to 2 " * 500_000)
w("big-units.txt", "1万" * 500_000)
w("respectively.txt", "分别为1、" * 200_000)
w("shares.txt", "accounting for 5% of 6 " * 400_000)
w("digits.txt", "9" * 200_000)
w("nesting.txt", "(" * 50_000 + "1个" + ")" * 50_000)
w("percents.txt", "".join(f"{i % 100}%" for i in range(200_000)))
w("items.txt", "共有" + "、".join(f"项目{i}个" for i in range(100_000)) + "。")
w("quotes.txt", "“" * 100_000)
w("nuls.txt", b"\0" * 1_000_000)
w("dense-findings.txt", "达到个" * 110_000)
w("grouped.txt", "123," * 500_000)
w("lines.md", "共3人\n" * 500_000)
w("list.md", "".join(f"- 项目{i} {i}个\n" for i in range(300_000)))
w("zh-from-to.txt", "由1人增加到2人" * 150_000)
w("suppressions.txt", "numlint-disable-next-line sum\n医疗卫生机构达到个。\n" * 30_000)
w("unclosed.md", "numlint- " + "<!-- x " * 150_000)
w("table.md", "| 地区 | 人数 | 占比 |\n|---|---|---|\n" + "".join(f"| 区{i} | {i * 7} | {i % 100}% |\n" for i in range(300_000)))
w("random.bin", os.urandom(1_000_000))
# A table of 100 000 cells a line: each place of its header line had read
# the whole delimiter line after it (20 s).
w("wide-head.md", "|" + "abc|" * 100_000 + "\n|" + "---|" * 100_000 + "\n|" + "123|" * 100_000 + "\n")
PY
echo "== hostile inputs (one file each)"
for f in "$hostile"/*; do
  bytes=$(stat -c %s "$f")
  /usr/bin/time -o "$work/.time" -f "%e %M" "$numlint" check "$f" --format json --no-progress --isolated >/dev/null 2>&1 || true
  read -r secs kb < <(grep -v "^Command" "$work/.time")
  python3 -c "s=float('$secs'); b=$bytes; m=int('$kb')/1024; lim=1.5*b/2**20+32; print('  %-16s %6.2f MB %6.2f s %6.2f s/MB %7.1f MiB peak (<= %.1f MiB: %s)' % ('$(basename "$f")', b/1e6, s, s/max(b/1e6,1e-6), m, lim, 'met' if m <= lim else 'NOT met'))"
done
fi

# Tables: many small files of every text format, one long CSV, one workbook.
python3 - "$work" <<'PY'
import os, random, sys
work = sys.argv[1]
rng = random.Random(7)
zh = ["东城区", "西城区", "南湖区", "北山区", "高新区", "滨江区", "开发区", "石桥镇"]
en = ["North", "South", "East", "West", "Central", "Harbor", "Valley", "Ridge"]
def table(k):
    labels = zh if k % 2 == 0 else en
    total = "合计" if k % 2 == 0 else "Total"
    cols = rng.randint(2, 5)
    head = ["地区" if k % 2 == 0 else "Area"] + [f"{'指标' if k % 2 == 0 else 'Item'}{c + 1}" for c in range(cols)]
    rows = []
    for r in range(rng.randint(8, 40)):
        rows.append([labels[r % len(labels)] + str(r)] + [str(rng.randint(10, 99999)) for _ in range(cols)])
    sums = [str(sum(int(row[c + 1]) for row in rows)) for c in range(cols)]
    rows.append([total] + sums)
    return head, rows
def md(head, rows):
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return "说明：各区数据如下。\n\n" + "\n".join(out) + "\n"
def html(head, rows):
    tr = lambda cells, tag: "<tr>" + "".join(f"<{tag}>{c}</{tag}>" for c in cells) + "</tr>"
    return "<table><thead>" + tr(head, "th") + "</thead><tbody>" + "".join(tr(r, "td") for r in rows) + "</tbody></table>\n"
def sep(head, rows, d):
    return "\n".join(d.join(r) for r in [head] + rows) + "\n"
d = os.path.join(work, "tables")
os.makedirs(d, exist_ok=True)
if len(os.listdir(d)) != 2000:
    for k in range(2000):
        head, rows = table(k)
        kind = k % 4
        name, text = [("md", md(head, rows) * 4), ("html", html(head, rows) * 4),
                      ("csv", sep(head, rows, ",")), ("tsv", sep(head, rows, "\t"))][kind]
        with open(os.path.join(d, f"t{k:04}.{name}"), "w", encoding="utf-8") as f:
            f.write(text)
big = os.path.join(work, "big.csv")
if not os.path.exists(big):
    with open(big, "w", encoding="utf-8") as f:
        f.write("地区,人口,户数,床位\n")
        for block in range(20_000):
            rows = [[rng.randint(1000, 99999) for _ in range(3)] for _ in range(19)]
            for r, row in enumerate(rows):
                f.write(f"区{block}-{r}," + ",".join(map(str, row)) + "\n")
            f.write("小计," + ",".join(str(sum(row[c] for row in rows)) for c in range(3)) + "\n")
try:
    import openpyxl
    xl = os.path.join(work, "big.xlsx")
    if not os.path.exists(xl):
        wb = openpyxl.Workbook(write_only=True)
        ws = wb.create_sheet("Data")
        ws.append(["Area", "Population", "Households", "Beds"])
        for block in range(10_000):
            rows = [[rng.randint(1000, 99999) for _ in range(3)] for _ in range(19)]
            for r, row in enumerate(rows):
                ws.append([f"Area {block}-{r}"] + row)
            ws.append(["Subtotal"] + [sum(row[c] for row in rows) for c in range(3)])
        wb.save(xl)
except ImportError:
    print("  (openpyxl missing: no big.xlsx)")
PY
for corpus in tables big.csv big.xlsx; do
  path="$work/$corpus"
  [ -e "$path" ] || continue
  bytes=$(du -sb "$path" | cut -f1)
  echo "== $corpus: $(python3 -c "print(round($bytes/1e6,1))") MB, $(find "$path" -type f | wc -l) files"
  measure numlint "$bytes" "$numlint" check "$path" --format json --no-progress --isolated
done
