"""Refresh and compile Relata's German translation; ``--check`` enforces completeness.

Usage: ``python packaging/translations.py [--check]``

Why this script and not a bare ``pyside6-lupdate app -ts …``: most view texts go
through small helpers such as ``def _t(text): return
QCoreApplication.translate("Labels", text)``. lupdate only sees string literals
inside ``tr()``/``translate()`` calls, so it would miss every ``_t("…")`` text.
We therefore copy ``app/`` to a temporary tree, rewrite each helper call into
``QCoreApplication.translate("Labels", "…")`` on the same line (so the source
references in the .ts stay right), and run lupdate there with ``-no-obsolete``
(existing translations are kept, vanished ones dropped). Then lrelease compiles
the .ts into the .qm that ``app/views/i18n.py`` loads.

``--check`` writes nothing: it runs lupdate on a copy of the .ts and exits 1,
listing every message that is new, unfinished, empty or loses a ``%1``
placeholder, and when the committed .qm is not the compiled .ts.
"""

from __future__ import annotations

import argparse
import ast
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "relata_de.ts"
QM = TS.with_suffix(".qm")
# English needs a catalogue too, but only for plural forms ("%Ln person(s)"):
# lupdate -pluralonly collects them and the forms are derived from the source.
EN_TS = TS.with_name("relata_en.ts")
EN_QM = EN_TS.with_suffix(".qm")
PLACEHOLDER = re.compile(r"%\d")


def tool(name: str) -> str:
    """``pyside6-<name>`` next to the running Python, else from ``PATH``."""
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent))
    found = found or shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} not found; install PySide6")
    return found


def _helper_contexts(tree: ast.Module) -> dict[str, str]:
    """Module-level ``def f(text): return <…>.translate("Ctx", text)`` → {f: Ctx}."""
    helpers: dict[str, str] = {}
    for node in tree.body:
        if not (
            isinstance(node, ast.FunctionDef) and node.args.args and len(node.body) == 1
        ):
            continue
        ret = node.body[0]
        call = ret.value if isinstance(ret, ast.Return) else None
        if (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Attribute)
            and call.func.attr == "translate"
            and len(call.args) == 2
            and isinstance(call.args[0], ast.Constant)
            and isinstance(call.args[0].value, str)
            and isinstance(call.args[1], ast.Name)
            and call.args[1].id == node.args.args[0].arg
        ):
            helpers[node.name] = call.args[0].value
    return helpers


def expand_helpers(source: str, filename: str = "<source>") -> str:
    """``_t("x")`` → ``QCoreApplication.translate("Ctx", "x")``, line numbers kept."""
    tree = ast.parse(source, filename)
    helpers = _helper_contexts(tree)
    edits: list[tuple[int, int, int, bytes]] = []  # (line, start, end, new) in bytes
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in helpers
            and node.args
        ):
            func, first = node.func, node.args[0]
            assert func.end_col_offset is not None
            context = f'"{helpers[func.id]}", '.encode()
            edits.append((first.lineno, first.col_offset, first.col_offset, context))
            edits.append(
                (
                    func.lineno,
                    func.col_offset,
                    func.end_col_offset,
                    b"QCoreApplication.translate",
                )
            )
    lines = source.encode().splitlines(keepends=True)
    for line, start, end, new in sorted(edits, reverse=True):
        lines[line - 1] = lines[line - 1][:start] + new + lines[line - 1][end:]
    return b"".join(lines).decode()


def lupdate(ts: Path, work: Path, *, language: str = "de_CH") -> Path:
    """Run lupdate over ``app/`` (helpers expanded) into a copy of ``ts`` in ``work``."""
    sources = []
    for src in sorted((ROOT / "app").rglob("*.py")):
        rel = src.relative_to(ROOT)
        (work / rel).parent.mkdir(parents=True, exist_ok=True)
        (work / rel).write_text(
            expand_helpers(src.read_text("utf-8"), str(rel)), "utf-8"
        )
        sources.append(str(rel))
    out = work / ts.relative_to(ROOT)
    out.parent.mkdir(parents=True, exist_ok=True)
    if ts.exists():
        shutil.copyfile(ts, out)
    cmd = [
        tool("lupdate"),
        "-silent",
        "-no-obsolete",
        "-source-language",
        "en",
        "-target-language",
        language,
        *(["-pluralonly"] if language.startswith("en") else []),
        *sources,
        "-ts",
        str(out.relative_to(work)),
    ]
    subprocess.run(cmd, cwd=work, check=True)
    return out


def lrelease(ts: Path, qm: Path) -> None:
    """Compile ``ts`` into ``qm``."""
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def problems(ts: Path) -> list[str]:
    """Messages of ``ts`` without a finished German text, or with a lost ``%n``."""
    found: list[str] = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            if translation is None:
                texts = [""]
            elif message.get("numerus") == "yes":
                texts = [
                    form.text or "" for form in translation.iter("numerusform")
                ] or [""]
            else:
                texts = [translation.text or ""]
            where = f"{name}: {source!r}"
            if translation is None or translation.get("type") or not all(texts):
                found.append(f"{where} is not translated")
            elif any(
                set(PLACEHOLDER.findall(source)) - set(PLACEHOLDER.findall(t))
                for t in texts
            ):
                found.append(f"{where} loses a placeholder in {texts[0]!r}")
    return found


def fill_english_plurals(ts: Path) -> None:
    """``%Ln person(s)`` → ``%Ln person`` / ``%Ln persons`` for every empty form."""
    tree = ET.parse(ts)
    for message in tree.getroot().iter("message"):
        source = message.findtext("source", "")
        translation = message.find("translation")
        if translation is None or message.get("numerus") != "yes":
            continue
        forms = list(translation.iter("numerusform"))
        texts = (source.replace("(s)", ""), source.replace("(s)", "s"))
        for form, text in zip(forms, texts, strict=False):
            if not form.text:
                form.text = text
        translation.attrib.pop("type", None)
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def update_english(work: Path) -> None:
    """Refresh relata_en.ts (plural forms only) and compile it."""
    fresh = lupdate(EN_TS, work, language="en_GB")
    fill_english_plurals(fresh)
    shutil.copyfile(fresh, EN_TS)
    lrelease(EN_TS, EN_QM)


def check() -> list[str]:
    """Everything CI should fail on (empty list: complete and compiled)."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = lupdate(TS, Path(tmp))
        found = problems(fresh)
        if not found:
            qm = Path(tmp) / "check.qm"
            lrelease(TS, qm)
            if not QM.exists() or QM.read_bytes() != qm.read_bytes():
                found.append(
                    f"{QM.relative_to(ROOT)} is out of date; run packaging/translations.py"
                )
        en_dir = Path(tmp) / "en"
        en_dir.mkdir()
        fresh_en = lupdate(EN_TS, en_dir, language="en_GB")
        fill_english_plurals(fresh_en)
        if not EN_TS.exists() or fresh_en.read_bytes() != EN_TS.read_bytes():
            found.append(
                f"{EN_TS.relative_to(ROOT)} is out of date; run packaging/translations.py"
            )
    return found


def main(argv: list[str] | None = None) -> int:
    """Update the .ts and .qm, or with ``--check`` only report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report, change nothing")
    args = parser.parse_args(argv)
    if args.check:
        found = check()
        for line in found:
            print(line)
        print(
            f"{len(found)} problem(s) in {TS.relative_to(ROOT)}"
            if found
            else "German translation complete"
        )
        return 1 if found else 0
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copyfile(lupdate(TS, Path(tmp)), TS)
        en_dir = Path(tmp) / "en"
        en_dir.mkdir()
        update_english(en_dir)
    lrelease(TS, QM)
    left = problems(TS)
    print(f"{TS.relative_to(ROOT)}: {len(left)} message(s) still to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
