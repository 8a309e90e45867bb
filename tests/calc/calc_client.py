#!/usr/bin/python3
"""LibreOffice Calc as a unit's spreadsheet program, driven over UNO.

Reads a JSON job list on stdin, starts ONE headless soffice with a private profile, opens each
job's workbook, applies what a user does in Calc (typing, the status dropdown, inserting, deleting
and sorting rows, adding a column, unprotecting, unhiding, merging) and saves it in every format
asked for. Prints one JSON result per job on stdout, then stops soffice (and its whole process
group) whatever happened, and removes the profile.

Job: {"input": path, "sheet": name or null, "header_row": 4 (1-based), "ops": [...],
      "outputs": [{"path": path, "format": "xlsx" | "xls" | "ods" | "csv"}]}

One office for a whole test run: when QD_OFFICE_DIR names a folder (tests/calc/office.ts sets it in
vitest's globalSetup), the script does not start its own soffice but uses the one living in that
folder, starting it if nobody has yet, and never stops it (the globalSetup's teardown does; when the run is
killed before its teardown, a watchdog started with the office kills it: QD_OFFICE_OWNER names the run's
process). Jobs of concurrent test files take turns on it through a lock file there.

A job with ops [] and the output format "pdf" is a conversion, as `soffice --convert-to pdf`: the
export filter follows the document (Writer or Calc).
"""
import fcntl
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid

import uno
from com.sun.star.beans import PropertyValue

FILTERS = {
    "xlsx": ("Calc MS Excel 2007 XML", None),
    "xls": ("MS Excel 97", None),
    "ods": ("calc8", None),
    # comma, double quote, UTF-8 (76), first line 1; cell text as shown
    "csv": ("Text - txt - csv (StarCalc)", "44,34,76,1,,0,false,true,true,false,false"),
    "pdf": (None, None),  # writer_pdf_Export or calc_pdf_Export, by the document
}


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def office_args(profile, pipe):
    return ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--invisible", "--norestore",
            "--nologo", "--nodefault", "--nolockcheck", f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"]


def resolve_desktop(pipe, alive, deadline_s=90):
    """Connects to the office listening on `pipe`; None when it died (alive() false) or never answered."""
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + deadline_s
    while True:
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except Exception:
            if not alive() or time.time() > deadline:
                return None
            time.sleep(0.1)  # polls the pipe until the office answers


def pid_alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except (ProcessLookupError, ValueError):
        return False


def shared_office(folder):
    """The run's one office in `folder` (started here if it is not running); the caller holds the lock."""
    pid_file = os.path.join(folder, "pid")
    pipe = "qd-office-" + os.path.basename(os.path.abspath(folder))
    if os.path.exists(pid_file):
        pid = int(open(pid_file).read().strip() or 0)
        if pid and pid_alive(pid):
            desktop = resolve_desktop(pipe, lambda: pid_alive(pid), 30)
            if desktop is not None:
                return desktop
            try:
                os.killpg(pid, signal.SIGKILL)  # alive but deaf: replace it
            except ProcessLookupError:
                pass
    profile = os.path.join(folder, "profile")
    shutil.rmtree(profile, ignore_errors=True)
    proc = subprocess.Popen(office_args(profile, pipe), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    with open(pid_file, "w") as f:
        f.write(str(proc.pid))
    owner = os.environ.get("QD_OFFICE_OWNER")
    if owner:
        # the run's teardown stops the office; this watchdog stops it when the run is killed before that
        subprocess.Popen([sys.executable, os.path.abspath(__file__), "--watch", owner, str(proc.pid)], stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    desktop = resolve_desktop(pipe, lambda: proc.poll() is None)
    if desktop is None:
        raise RuntimeError("soffice did not start")
    return desktop


def start_office():
    tag = uuid.uuid4().hex
    profile = f"/tmp/lo-calc-{tag}"
    pipe = f"qd-calc-{tag}"
    args = office_args(profile, pipe)
    # own process group: soffice forks soffice.bin, and the group is what gets killed at the end
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    desktop = resolve_desktop(pipe, lambda: proc.poll() is None)
    if desktop is None:
        stop_office(proc, None, profile)
        raise RuntimeError("soffice did not start")
    return proc, desktop, profile


def stop_office(proc, desktop, profile):
    if desktop is not None:
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge dies with the office: expected
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        pass
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass
    shutil.rmtree(profile, ignore_errors=True)


class Sheet:
    """One table sheet, addressed as a user sees it: rows by 名称, columns by header label."""

    def __init__(self, doc, name, header_row):
        sheets = doc.Sheets
        self.doc = doc
        self.ws = sheets.getByName(name) if name else sheets.getByIndex(0)
        self.header = header_row - 1

    def used_rows(self):
        cur = self.ws.createCursor()
        cur.gotoEndOfUsedArea(False)
        return cur.RangeAddress.EndRow + 1

    def used_cols(self):
        cur = self.ws.createCursor()
        cur.gotoEndOfUsedArea(False)
        return cur.RangeAddress.EndColumn + 1

    def col(self, label):
        for c in range(self.used_cols()):
            if self.ws.getCellByPosition(c, self.header).String.replace("\n", "") == label:
                return c
        raise KeyError(f"no column {label}")

    def row(self, title):
        c = self.col("名称")
        for r in range(self.header + 1, self.used_rows()):
            if self.ws.getCellByPosition(c, r).String == title:
                return r
        raise KeyError(f"no row {title}")

    def cell(self, title, label):
        return self.ws.getCellByPosition(self.col(label), self.row(title))

    def data_range(self):
        """Rows below the header up to the last row with a 名称 (the 注： line stays out)."""
        c = self.col("名称")
        last = self.header
        for r in range(self.header + 1, self.used_rows()):
            if self.ws.getCellByPosition(c, r).String:
                last = r
        return self.header + 1, last


def typed(cell, text):
    """What typing `text` and pressing Enter does: numbers, dates and percents are recognised."""
    cell.setFormula(str(text))


def op_status(sh, op, result):
    cell = sh.cell(op["row"], "状态")
    formula = cell.Validation.getFormula1()
    choices = [x.strip().strip('"') for x in formula.replace(";", ",").split(",") if x.strip()]
    value = choices[op.get("pick", 0)]
    cell.setString(value)
    result.setdefault("picked", {})[op["row"]] = value


def op_sort(sh, op):
    first, last = sh.data_range()
    rng = sh.ws.getCellRangeByPosition(0, first, sh.used_cols() - 1, last)
    field = uno.createUnoStruct("com.sun.star.table.TableSortField")
    field.Field = sh.col(op["col"])
    field.IsAscending = not op.get("descending", False)
    desc = rng.createSortDescriptor()
    for p in desc:
        if p.Name == "SortFields":
            p.Value = uno.Any("[]com.sun.star.table.TableSortField", (field,))
        elif p.Name == "ContainsHeader":
            p.Value = False
    rng.sort(desc)


def op_insert_row(sh, op):
    at = sh.row(op["before"])
    sh.ws.Rows.insertByIndex(at, 1)
    for label, text in op.get("cells", {}).items():
        typed(sh.ws.getCellByPosition(sh.col(label), at), text)


def op_add_column(sh, op):
    at = sh.col(op["after"]) + 1
    sh.ws.Columns.insertByIndex(at, 1)
    sh.ws.getCellByPosition(at, sh.header).setString(op["header"])
    for title, text in op.get("cells", {}).items():
        typed(sh.ws.getCellByPosition(at, sh.row(title)), text)


def op_merge(sh, op):
    r1, r2 = sh.row(op["rows"][0]), sh.row(op["rows"][1])
    c = sh.col(op["col"])
    sh.ws.getCellRangeByPosition(c, r1, c, r2).merge(True)


def apply(sh, op, result):
    kind = op["op"]
    if kind == "type":
        typed(sh.cell(op["row"], op["col"]), op["text"])
    elif kind == "status":
        op_status(sh, op, result)
    elif kind == "unprotect":
        sh.ws.unprotect(op.get("password", ""))
    elif kind == "protect":
        sh.ws.protect(op.get("password", ""))
    elif kind == "sort":
        op_sort(sh, op)
    elif kind == "insert_row":
        op_insert_row(sh, op)
    elif kind == "delete_row":
        sh.ws.Rows.removeByIndex(sh.row(op["row"]), 1)
    elif kind == "add_column":
        op_add_column(sh, op)
    elif kind == "unhide_col":
        sh.ws.Columns.getByIndex(sh.col(op["col"])).IsVisible = True
    elif kind == "merge":
        op_merge(sh, op)
    elif kind == "remove_sheet":
        sh.doc.Sheets.removeByName(op["name"])
    else:
        raise ValueError(f"unknown op {kind}")


def run_job(desktop, job):
    result = {"input": job["input"]}
    url = uno.systemPathToFileUrl(os.path.abspath(job["input"]))
    doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
    if doc is None:
        raise RuntimeError(f"Calc could not open {job['input']}")
    try:
        if job.get("ops"):
            sh = Sheet(doc, job.get("sheet"), job.get("header_row", 4))
            for op in job["ops"]:
                apply(sh, op, result)
        for out in job["outputs"]:
            name, options = FILTERS[out["format"]]
            if out["format"] == "pdf":
                name = "calc_pdf_Export" if doc.supportsService("com.sun.star.sheet.SpreadsheetDocument") else "writer_pdf_Export"
            args = [prop("FilterName", name), prop("Overwrite", True)]
            if options:
                args.append(prop("FilterOptions", options))
            if job.get("password"):
                args.append(prop("Password", job["password"]))  # an open password: the .xls is encrypted
            doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out["path"])), tuple(args))
    finally:
        doc.close(True)
    return result


def run_all(desktop, jobs):
    results = []
    for job in jobs:
        try:
            results.append(run_job(desktop, job))
        except Exception as e:  # one broken job is reported, the others still run
            results.append({"input": job["input"], "error": f"{type(e).__name__}: {e}"})
    return results


def watch(owner, office):
    """Waits (no polling: pidfds) until the test run `owner` or the office ends; if the run ended first
    (killed before its teardown), kills the office's process group, so no soffice outlives its run."""
    import select
    try:
        office_fd = os.pidfd_open(office)
    except ProcessLookupError:
        return  # the office is gone already
    try:
        owner_fd = os.pidfd_open(owner)
    except ProcessLookupError:
        owner_fd = None  # the run is gone already
    if owner_fd is not None:
        waiting = select.poll()
        waiting.register(owner_fd, select.POLLIN)
        waiting.register(office_fd, select.POLLIN)
        ended = [fd for fd, _ in waiting.poll()]
        if owner_fd not in ended:
            return  # the office ended (the teardown stopped it)
    try:
        os.killpg(office, signal.SIGKILL)
    except ProcessLookupError:
        pass


def main():
    jobs = json.load(sys.stdin)
    # a SIGTERM from the test runner still reaches the finally below, so soffice never outlives us
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    folder = os.environ.get("QD_OFFICE_DIR")
    if folder:
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # released when this process ends, however it ends
            results = run_all(shared_office(folder), jobs)
    else:
        proc, desktop, profile = start_office()
        try:
            results = run_all(desktop, jobs)
        finally:
            stop_office(proc, desktop, profile)
    json.dump(results, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--watch"]:
        watch(int(sys.argv[2]), int(sys.argv[3]))
    else:
        main()
