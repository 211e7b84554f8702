#!/usr/bin/env python3
"""Plain text from CDC journals, for measuring numlint on text beyond ../shared/corpus.

Reads a snapshot of github.com/cmheilig/harvest-cdc-journals (CC0; the texts are
CDC's, public domain) and writes one UTF-8 text file per article into OUT:
  OUT/mmsu/  MMWR Supplements   (json-outputs/txt/mmsu_art_en_txt_json.zip)
  OUT/pcd/   Preventing Chronic Disease, 2024 (html-mirrors/pcd_2024.zip; tags stripped)
  OUT/pcd-zh/ PCD abstracts in Chinese     (json-outputs/txt/pcd_art_zhs_txt_json.zip)
Nothing is written into the repository.

usage: scripts/cdc_text.py GIT_DIR OUT
  GIT_DIR: the snapshot's git directory (e.g. from the `fetch` tool), read with `git show`.
Then: numlint check OUT/mmsu OUT/pcd OUT/pcd-zh --format json
"""
import html
import io
import json
import os
import re
import subprocess
import sys
import zipfile


def blob(git_dir, path):
    return subprocess.run(["git", "--git-dir", git_dir, "show", f"HEAD:{path}"],
                          check=True, capture_output=True).stdout


def safe(name):
    return re.sub(r"[^A-Za-z0-9_.-]", "_", name)[-120:]


def members(data, suffix):
    """(name, bytes) of each member of the zip archive `data` ending in `suffix`."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if name.endswith(suffix):
                yield name, z.read(name)


def write(out, name, text):
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, safe(name) + ".txt"), "w", encoding="utf-8") as f:
        f.write(text)


def from_json_zip(data, out):
    for _, raw in members(data, ".json"):
        for url, text in json.loads(raw).items():
            if isinstance(text, str):
                write(out, url, text)


def from_html_zip(data, out):
    for name, raw in members(data, ".htm"):
        s = raw.decode("utf-8", "replace")
        m = re.search(r"<main.*?</main>", s, re.S)
        s = m.group(0) if m else s
        s = re.sub(r"<(script|style).*?</\1>", "", s, flags=re.S)
        s = re.sub(r"</(p|div|h\d|li|tr|table)>", "\n", s)
        s = html.unescape(re.sub(r"<[^>]+>", "", s))
        write(out, os.path.basename(name), re.sub(r"\n\s*\n+", "\n\n", re.sub(r"[ \t]+", " ", s)))


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    git_dir, out = sys.argv[1], sys.argv[2]
    from_json_zip(blob(git_dir, "json-outputs/txt/mmsu_art_en_txt_json.zip"),
                  os.path.join(out, "mmsu"))
    from_html_zip(blob(git_dir, "html-mirrors/pcd_2024.zip"), os.path.join(out, "pcd"))
    from_json_zip(blob(git_dir, "json-outputs/txt/pcd_art_zhs_txt_json.zip"),
                  os.path.join(out, "pcd-zh"))


if __name__ == "__main__":
    main()
