#!/usr/bin/env bash
# Installs what the tests need beyond npm packages: Debian's Chromium (browser tests), a CJK font,
# LibreOffice Calc and Writer (render exported workbooks and .docx to PDF; python3-uno lets tests drive Calc as a
# unit's spreadsheet program) and poppler (pdftotext / pdftoppm).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# Calc by its package, not by `soffice` on PATH: Writer alone also installs soffice but cannot open a workbook.
dpkg -s libreoffice-calc-nogui >/dev/null 2>&1 || dpkg -s libreoffice-calc >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
dpkg -s libreoffice-writer-nogui >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
dpkg -s python3-uno >/dev/null 2>&1 || need+=(python3-uno)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
fc-list 2>/dev/null | grep -qi "WenQuanYi Micro Hei" || need+=(fonts-wqy-microhei)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" fontconfig
fi
/usr/bin/python3 -c "import uno" || { echo "python3-uno is installed but /usr/bin/python3 cannot import uno" >&2; exit 1; }
echo "test environment ready: $(chromium --version 2>/dev/null | head -1); $(soffice --version 2>/dev/null | head -1); python3-uno"
