#!/usr/bin/env bash
# Makes tests/data/forms/* from tests/data/forms/quyet_dinh.txt with the tools people use, so the readers
# are tested against files those tools wrote, never against vncite's own encoders:
#   TCVN3, VNI, VIQR   npm vietnamese-conversion (an independent converter, MIT)
#   windows-1258, UTF-16  Python's codecs
#   .docx, .odt        python-docx, odfpy
#   .pdf               headless Chromium printing the text as a page
# quyet_dinh.html, a saved database-style page with its menus and related-documents box, is written by hand.
# The outputs are committed; CI does not run this. Needs node/npm, python3 and chromium.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
forms="$here/tests/data/forms"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && npm install --silent vietnamese-conversion@2.0.0 >/dev/null)
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q python-docx==1.1.2 odfpy==1.4.1

for charset in tcvn3 vni viqr; do
  (cd "$work" && node -e '
    const { VietnameseConversion } = require("vietnamese-conversion");
    const fs = require("fs");
    const text = fs.readFileSync(process.argv[1], "utf8");
    process.stdout.write(JSON.stringify(new VietnameseConversion(text, "unicode").toCharset(process.argv[2])));
  ' "$forms/quyet_dinh.txt" "$charset") > "$work/$charset.json"
  # The converter writes each byte as the character windows-1252 (or Latin-1) gives it.
  "$work/venv/bin/python" - "$work/$charset.json" "$forms/quyet_dinh.$charset.txt" <<'PY'
import json, sys
text = json.load(open(sys.argv[1], encoding="utf-8"))
out = bytearray()
for ch in text:
    out += bytes([ord(ch)]) if ord(ch) < 256 else ch.encode("cp1252")
open(sys.argv[2], "wb").write(bytes(out))
PY
done

"$work/venv/bin/python" - "$forms" <<'PY'
import sys, unicodedata
forms = sys.argv[1]
text = open(f"{forms}/quyet_dinh.txt", encoding="utf-8").read()
open(f"{forms}/quyet_dinh.utf16.txt", "wb").write(text.encode("utf-16"))
# windows-1258 writes tone marks as combining characters after the base letter.
tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
out = bytearray()
for ch in text:
    try:
        out += ch.encode("cp1258")
    except UnicodeEncodeError:
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out += base.encode("cp1258") + "".join(c for c in parts if c in tones).encode("cp1258")
open(f"{forms}/quyet_dinh.cp1258.txt", "wb").write(bytes(out))

import docx
doc = docx.Document()
lines = text.split("\n")
# The header as Word documents lay it out: a table of two columns.
table = doc.add_table(rows=2, cols=2)
table.cell(0, 0).text = lines[0] + "\n" + lines[1]
table.cell(1, 0).text = lines[2]
table.cell(0, 1).text = lines[3] + "\n" + lines[4]
table.cell(1, 1).text = lines[5]
for line in lines[6:]:
    doc.add_paragraph(line)
doc.core_properties.author = "vncite"
doc.save(f"{forms}/quyet_dinh.docx")

from odf.opendocument import OpenDocumentText
from odf.text import P
odt = OpenDocumentText()
for line in lines:
    odt.text.addElement(P(text=line))
odt.save(f"{forms}/quyet_dinh.odt")
PY

# The PDF is the text printed as a page (the saved database page carries its furniture; a PDF does not).
"$work/venv/bin/python" - "$forms/quyet_dinh.txt" "$work/print.html" <<'PY'
import html, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
body = "\n".join(f"<p>{html.escape(l)}</p>" if l else "<br>" for l in lines)
open(sys.argv[2], "w", encoding="utf-8").write(
    '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><style>p { margin: 0; font: 13pt serif; }</style>'
    f"</head><body>{body}</body></html>")
PY
chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --user-data-dir="$work/profile" --no-pdf-header-footer \
  --print-to-pdf="$forms/quyet_dinh.pdf" "file://$work/print.html" 2>/dev/null
ls -l "$forms"
