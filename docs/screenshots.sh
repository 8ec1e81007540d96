#!/bin/sh
# Regenerate the review screenshots in docs/screenshots/, for the Belarusian and Russian UI:
#   review-html.<ui>.png   the review HTML in Chromium (headless, 1400x1000)
#   review-docx.<ui>.png   page 1 of the review DOCX (LibreOffice headless -> PDF -> pdftoppm)
#   review-docx.<ui>.p2.png page 2 (the segment table)
#   review-html-web.<ui>.png the review HTML of a web-copied page (samples/youth-exchange.ru.html):
#                            its header shows what the reader removed, in the interface language
#
#   docs/screenshots.sh                  # from a real run on samples/trade-fair.ru.txt
#   UI="be" docs/screenshots.sh          # one interface language only
#
# Needs: Debian `chromium`, `soffice` (libreoffice-writer-nogui), `pdftoppm` (poppler-utils),
# and the Belarusian engine (apertium-bel-rus). Runs offline: Chromium gets no network
# features, and the page's CSP forbids requests anyway.
set -eu
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
UI=${UI:-"be ru"}
OUTDIR=docs/screenshots
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUTDIR"

for ui in $UI; do
  # A real run of the shipped sample (our own text) through Apertium, glossary and QA.
  "$PY" -m translator_flow translate samples/trade-fair.ru.txt --to be --ui-lang "$ui" \
    --out "$WORK/out-$ui" --tm "$WORK/tm" >/dev/null
  HTML="$WORK/out-$ui/trade-fair.be.review.html"
  DOCX="$WORK/out-$ui/trade-fair.be.review.docx"

  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$WORK/chromium" --hide-scrollbars \
    --screenshot="$PWD/$OUTDIR/review-html.$ui.png" --window-size=1400,1000 "file://$HTML" 2>/dev/null

  # ExportNotes: Word comments become PDF annotations, drawn as note icons by pdftoppm.
  soffice "-env:UserInstallation=file://$WORK/lo-profile" --headless --norestore \
    --convert-to 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}' \
    --outdir "$WORK/pdf-$ui" "$DOCX" >/dev/null
  PDF="$WORK/pdf-$ui/$(basename "${DOCX%.docx}").pdf"
  pdftoppm -png -r 70 -f 1 -l 1 -singlefile "$PDF" "$OUTDIR/review-docx.$ui"
  pdftoppm -png -r 70 -f 2 -l 2 -singlefile "$PDF" "$OUTDIR/review-docx.$ui.p2" 2>/dev/null || true
  # A page copied from a website: the reader's warnings (page chrome removed) head the review.
  "$PY" -m translator_flow translate samples/youth-exchange.ru.html --to be --ui-lang "$ui" \
    --out "$WORK/web-$ui" --tm "$WORK/tm-web" >/dev/null
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$WORK/chromium" --hide-scrollbars \
    --screenshot="$PWD/$OUTDIR/review-html-web.$ui.png" --window-size=1400,1000 \
    "file://$WORK/web-$ui/youth-exchange.be.review.html" 2>/dev/null
  echo "wrote $OUTDIR/review-html.$ui.png $OUTDIR/review-docx.$ui.png $OUTDIR/review-html-web.$ui.png"
done
