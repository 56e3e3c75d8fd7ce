"""Dependencies flow one way: a stage never imports a later stage or the layer above.

Reads every module's imports with `ast` -- `import`/`from` statements anywhere in
the file (inside functions too) and string module names handed to
`importlib.import_module` -- and checks them against the stage order of the
developers' guide.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "eventwire"
STAGES = ["ingest", "clean", "nlp", "actors", "quotes", "events", "framing", "store", "web"]
ABOVE = {"pipeline", "parallel", "watch", "evaluate", "cli", "__main__", "__init__"}
FOUNDATIONS = {"model", "errors", "settings", "datafiles"}


def top_part(module: str) -> str | None:
    """`eventwire.actors.places` -> `actors`; None for modules outside eventwire."""
    parts = module.split(".")
    if parts[0] != "eventwire":
        return None
    return parts[1] if len(parts) > 1 else "__init__"


def module_name(path: Path, src: Path = SRC) -> str:
    rel = path.relative_to(src.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def imported_modules(path: Path, src: Path = SRC) -> list[tuple[int, str]]:
    """Every eventwire module `path` names: import statements and import_module("...") strings."""
    name = module_name(path, src)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if node.module is None or target.count(".") == 0:  # `from . import x`: x may be a module
                found += [(node.lineno, _submodule(target, alias.name, src)) for alias in node.names]
            else:
                found.append((node.lineno, target))
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("import_module", "__import__") and node.args:
                arg = node.args[0]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.append((node.lineno, arg.value))
                elif isinstance(arg, ast.JoinedStr):  # f"eventwire.{name}": any stage, so only the layer above
                    found.append((node.lineno, "eventwire.<any stage>"))
    return sorted((line, m) for line, m in found if m.split(".")[0] == "eventwire")


def _submodule(package: str, name: str, src: Path) -> str:
    """`package.name` when that is a module, else `package` (a name defined in it, e.g. __version__)."""
    path = src.parent.joinpath(*package.split("."), name)
    return f"{package}.{name}" if path.with_suffix(".py").is_file() or path.is_dir() else package


def violations(path: Path, src: Path = SRC) -> list[str]:
    own = top_part(module_name(path, src))
    if own not in STAGES:
        return []  # foundations and the layer above
    bad = []
    for line, target in imported_modules(path, src):
        part = top_part(target)
        if part in FOUNDATIONS or part == own or part is None or target == "eventwire":
            # `eventwire` itself: `from .. import __version__`; Python imports the package for any submodule
            continue
        if part in ABOVE or part == "<any stage>" or part not in STAGES \
                or STAGES.index(part) > STAGES.index(own):
            bad.append(f"{path.relative_to(src.parent)}:{line} ({own}) imports {target}")
    return bad


MODULES = sorted(SRC.rglob("*.py"))


def test_every_part_is_classified():
    parts = {p.name if p.is_dir() else p.stem for p in SRC.iterdir()
             if (p.is_dir() and (p / "__init__.py").is_file()) or p.suffix == ".py"}
    unknown = parts - set(STAGES) - ABOVE - FOUNDATIONS
    assert not unknown, f"add these to the stage order, the layer above or the foundations: {sorted(unknown)}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_stage_imports_only_earlier_stages(path):
    found = violations(path)
    assert not found, "a stage imports a later stage or the layer above:\n" + "\n".join(found)


def test_the_check_sees_imports_in_functions_and_strings(tmp_path):
    """The reader finds what a stage might hide: a late import and a module name in a string."""
    pkg = tmp_path / "eventwire" / "clean"
    pkg.mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg.parent / "pipeline.py").write_text("")
    module = pkg / "late.py"
    module.write_text("import importlib\n"
                      "from ..model import Article\n"
                      "def f():\n"
                      "    from ..store import open_store\n"
                      "    return importlib.import_module('eventwire.framing.cluster')\n"
                      "from .. import pipeline\n")
    found = violations(module, tmp_path / "eventwire")
    assert [v.split(" imports ")[1] for v in found] == ["eventwire.store", "eventwire.framing.cluster",
                                                         "eventwire.pipeline"]
