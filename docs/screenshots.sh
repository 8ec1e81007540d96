#!/bin/sh
# Regenerate docs/review-html.png and docs/review-docx.png.
#
#   docs/screenshots.sh                          # from a real run on samples/trade-fair.ru.txt
#   docs/screenshots.sh OUT/x.be.review.html OUT/x.be.review.docx   # from a real run
#
# Needs: Debian `chromium`, `soffice` (libreoffice-writer-nogui), `pdftoppm` (poppler-utils).
# Runs offline: Chromium gets no network features, the page's CSP forbids requests anyway.
set -eu
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

if [ $# -ge 2 ]; then
  HTML=$(realpath "$1"); DOCX=$(realpath "$2")
else
  # A real run of the shipped sample (our own text) through Apertium, glossary and QA.
  "$PY" -m translator_flow translate samples/trade-fair.ru.txt --to be --out "$WORK/out" >/dev/null
  HTML="$WORK/out/trade-fair.be.review.html"; DOCX="$WORK/out/trade-fair.be.review.docx"
fi

chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$WORK/chromium" --hide-scrollbars \
  --screenshot="$PWD/docs/review-html.png" --window-size=1400,1000 "file://$HTML" 2>/dev/null

# ExportNotes: Word comments become PDF annotations, drawn as note icons by pdftoppm.
soffice "-env:UserInstallation=file://$WORK/lo-profile" --headless --norestore \
  --convert-to 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}' \
  --outdir "$WORK/pdf" "$DOCX" >/dev/null
PDF="$WORK/pdf/$(basename "${DOCX%.docx}").pdf"
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$PDF" docs/review-docx
echo "wrote docs/review-html.png docs/review-docx.png"
