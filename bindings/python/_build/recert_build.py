"""An in-tree PEP 517 / PEP 660 build backend for the recert package.

It needs nothing but the standard library, so ``pip install
./bindings/python`` works on a machine with no network: pyproject.toml
declares ``requires = []`` and ``backend-path = ["_build"]``, and pip's
isolated build environment has nothing to download.

Hooks: get_requires_for_build_{wheel,sdist,editable} (all []),
prepare_metadata_for_build_{wheel,editable}, build_wheel, build_sdist and
build_editable. The wheel is pure Python (py3-none-any) unless a copy of
librecert.so* sits in the package directory, in which case it is shipped
and the wheel is tagged for this platform.

Archives are reproducible: entries are sorted and dated SOURCE_DATE_EPOCH
(default 1980-01-01).
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import re
import sysconfig
import tarfile
import time
import zipfile
from typing import Any, Dict, List, Optional, Tuple

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = "recert"

__all__ = [
    "get_requires_for_build_wheel",
    "get_requires_for_build_sdist",
    "get_requires_for_build_editable",
    "prepare_metadata_for_build_wheel",
    "prepare_metadata_for_build_editable",
    "build_wheel",
    "build_sdist",
    "build_editable",
]


# -- pyproject.toml ------------------------------------------------------------


def _read_pyproject() -> Dict[str, Any]:
    path = os.path.join(ROOT, "pyproject.toml")
    with open(path, "rb") as f:
        data = f.read()
    try:
        import tomllib  # Python 3.11+
    except ImportError:
        return _mini_toml(data.decode("utf-8"))
    return tomllib.loads(data.decode("utf-8"))


def _mini_toml(text: str) -> Dict[str, Any]:
    """Enough TOML for this project's pyproject.toml on Pythons without
    tomllib: tables, and values that are strings, arrays of strings (also
    over several lines) and inline tables of strings."""
    import ast

    doc: Dict[str, Any] = {}
    table = doc
    pending = ""
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip() if '"' not in raw else raw.strip()
        if pending:
            pending += " " + line
            if pending.count("[") > pending.count("]"):
                continue
            line, pending = pending, ""
        if not line or line.startswith("#"):
            continue
        m = re.match(r"^\[([A-Za-z0-9_.-]+)\]$", line)
        if m:
            table = doc
            for part in m.group(1).split("."):
                table = table.setdefault(part, {})
            continue
        key, sep, value = line.partition("=")
        if not sep:
            raise ValueError("pyproject.toml: cannot read line: %r" % raw)
        value = value.strip()
        if value.startswith("[") and value.count("[") > value.count("]"):
            pending = line
            continue
        table[key.strip().strip('"')] = _mini_value(value, ast)
    return doc


def _mini_value(value: str, ast: Any) -> Any:
    if value.startswith("{"):
        out = {}
        for item in value.strip("{} ").split(","):
            if item.strip():
                k, _, v = item.partition("=")
                out[k.strip()] = _mini_value(v.strip(), ast)
        return out
    if value in ("true", "false"):
        return value == "true"
    value = re.sub(r",\s*\]", "]", value)
    return ast.literal_eval(value)


def _project() -> Dict[str, Any]:
    project = _read_pyproject().get("project", {})
    for key in ("name", "version"):
        if not isinstance(project.get(key), str):
            raise ValueError("pyproject.toml: [project] needs a static %s" % key)
    return project


def _dist_name(project: Dict[str, Any]) -> str:
    return re.sub(r"[-_.]+", "_", project["name"]).lower()


def _metadata(project: Dict[str, Any]) -> str:
    lines = [
        "Metadata-Version: 2.1",
        "Name: %s" % project["name"],
        "Version: %s" % project["version"],
    ]
    if project.get("description"):
        lines.append("Summary: %s" % project["description"])
    for author in project.get("authors", []):
        if author.get("name"):
            lines.append("Author: %s" % author["name"])
    lic = project.get("license")
    if isinstance(lic, dict) and lic.get("text"):
        lines.append("License: %s" % lic["text"])
    elif isinstance(lic, str):
        lines.append("License: %s" % lic)
    for classifier in project.get("classifiers", []):
        lines.append("Classifier: %s" % classifier)
    for label, url in project.get("urls", {}).items():
        lines.append("Project-URL: %s, %s" % (label, url))
    if project.get("requires-python"):
        lines.append("Requires-Python: %s" % project["requires-python"])
    for dep in project.get("dependencies", []):
        lines.append("Requires-Dist: %s" % dep)
    body = ""
    readme = project.get("readme")
    if isinstance(readme, str):
        with open(os.path.join(ROOT, readme), encoding="utf-8") as f:
            body = f.read()
        ctype = "text/markdown" if readme.endswith(".md") else "text/plain"
        lines.append("Description-Content-Type: %s" % ctype)
    text = "\n".join(lines) + "\n"
    if body:
        text += "\n" + body
    return text


# -- archives ------------------------------------------------------------------


def _epoch() -> int:
    try:
        return max(int(os.environ.get("SOURCE_DATE_EPOCH", "315532800")), 315532800)
    except ValueError:
        return 315532800


def _zip_date() -> Tuple[int, int, int, int, int, int]:
    t = time.gmtime(_epoch())
    return (t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec - t.tm_sec % 2)


def _record_hash(data: bytes) -> str:
    digest = hashlib.sha256(data).digest()
    return "sha256=" + base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def _package_files() -> Tuple[List[Tuple[str, str]], bool]:
    """(archive name, file path) of the package, and whether a copy of the
    native library is among them."""
    files = []
    native = False
    pkg = os.path.join(ROOT, PACKAGE)
    for dirpath, dirnames, filenames in os.walk(pkg):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for name in sorted(filenames):
            if name.endswith((".pyc", ".pyo")):
                continue
            is_native = name.startswith("librecert.so")
            if not (name.endswith((".py", ".pyi")) or name == "py.typed" or is_native):
                continue
            native = native or is_native
            path = os.path.join(dirpath, name)
            files.append((os.path.relpath(path, ROOT).replace(os.sep, "/"), path))
    return files, native


def _tag(native: bool) -> str:
    if not native:
        return "py3-none-any"
    platform = sysconfig.get_platform().replace("-", "_").replace(".", "_")
    return "py3-none-%s" % platform


class _Wheel:
    def __init__(self, path: str) -> None:
        self.zip = zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED)
        self.records: List[str] = []
        self.date = _zip_date()

    def add(self, name: str, data: bytes, executable: bool = False) -> None:
        info = zipfile.ZipInfo(name, self.date)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = ((0o755 if executable else 0o644) | 0o100000) << 16
        self.zip.writestr(info, data)
        self.records.append("%s,%s,%d" % (name, _record_hash(data), len(data)))

    def close(self, record_name: str) -> None:
        self.records.append("%s,," % record_name)
        info = zipfile.ZipInfo(record_name, self.date)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = (0o644 | 0o100000) << 16
        self.zip.writestr(info, "\n".join(self.records) + "\n")
        self.zip.close()


def _dist_info_files(project: Dict[str, Any], tag: str, purelib: bool) -> Dict[str, bytes]:
    wheel = "Wheel-Version: 1.0\nGenerator: recert_build\nRoot-Is-Purelib: %s\nTag: %s\n" % (
        "true" if purelib else "false",
        tag,
    )
    return {
        "METADATA": _metadata(project).encode("utf-8"),
        "WHEEL": wheel.encode("utf-8"),
        "top_level.txt": (PACKAGE + "\n").encode("utf-8"),
    }


def _build(wheel_directory: str, editable: bool) -> str:
    project = _project()
    dist = _dist_name(project)
    version = project["version"]
    files, native = _package_files()
    if editable:
        native = False
    tag = _tag(native)
    filename = "%s-%s-%s.whl" % (dist, version, tag)
    dist_info = "%s-%s.dist-info" % (dist, version)
    os.makedirs(wheel_directory, exist_ok=True)
    target = os.path.join(wheel_directory, filename)
    tmp = target + ".tmp"
    wheel = _Wheel(tmp)
    try:
        if editable:
            pkg = os.path.join(ROOT, PACKAGE)
            finder = _EDITABLE_FINDER.replace("@PACKAGE@", PACKAGE).replace("@PATH@", repr(pkg))
            module = "__editable___%s_finder" % dist
            wheel.add(module + ".py", finder.encode("utf-8"))
            wheel.add("__editable__.%s-%s.pth" % (dist, version), ("import %s; %s.install()\n" % (module, module)).encode())
        else:
            for name, path in files:
                with open(path, "rb") as f:
                    wheel.add(name, f.read(), executable=os.path.basename(path).startswith("librecert.so"))
        for name, data in _dist_info_files(project, tag, not native).items():
            wheel.add("%s/%s" % (dist_info, name), data)
        wheel.close("%s/RECORD" % dist_info)
    except BaseException:
        wheel.zip.close()
        os.unlink(tmp)
        raise
    os.replace(tmp, target)
    return filename


_EDITABLE_FINDER = '''"""Editable install of @PACKAGE@: import it from the source tree."""
import importlib.abc
import importlib.util
import os
import sys

PACKAGE = "@PACKAGE@"
PATH = @PATH@


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path=None, target=None):
        if fullname != PACKAGE:
            return None
        return importlib.util.spec_from_file_location(
            PACKAGE, os.path.join(PATH, "__init__.py"), submodule_search_locations=[PATH]
        )


def install():
    if not any(type(f).__name__ == "_Finder" and getattr(f, "package", None) == PACKAGE for f in sys.meta_path):
        finder = _Finder()
        finder.package = PACKAGE
        sys.meta_path.append(finder)
'''


def _write_metadata(metadata_directory: str) -> str:
    project = _project()
    dist_info = "%s-%s.dist-info" % (_dist_name(project), project["version"])
    path = os.path.join(metadata_directory, dist_info)
    os.makedirs(path, exist_ok=True)
    _files, native = _package_files()
    for name, data in _dist_info_files(project, _tag(native), not native).items():
        with open(os.path.join(path, name), "wb") as f:
            f.write(data)
    return dist_info


# -- the hooks -----------------------------------------------------------------


def get_requires_for_build_wheel(config_settings: Optional[Dict[str, Any]] = None) -> List[str]:
    return []


def get_requires_for_build_sdist(config_settings: Optional[Dict[str, Any]] = None) -> List[str]:
    return []


def get_requires_for_build_editable(config_settings: Optional[Dict[str, Any]] = None) -> List[str]:
    return []


def prepare_metadata_for_build_wheel(metadata_directory: str, config_settings: Optional[Dict[str, Any]] = None) -> str:
    return _write_metadata(metadata_directory)


def prepare_metadata_for_build_editable(
    metadata_directory: str, config_settings: Optional[Dict[str, Any]] = None
) -> str:
    project = _project()
    dist_info = "%s-%s.dist-info" % (_dist_name(project), project["version"])
    path = os.path.join(metadata_directory, dist_info)
    os.makedirs(path, exist_ok=True)
    for name, data in _dist_info_files(project, "py3-none-any", True).items():
        with open(os.path.join(path, name), "wb") as f:
            f.write(data)
    return dist_info


def build_wheel(
    wheel_directory: str,
    config_settings: Optional[Dict[str, Any]] = None,
    metadata_directory: Optional[str] = None,
) -> str:
    return _build(wheel_directory, editable=False)


def build_editable(
    wheel_directory: str,
    config_settings: Optional[Dict[str, Any]] = None,
    metadata_directory: Optional[str] = None,
) -> str:
    return _build(wheel_directory, editable=True)


_SDIST_TOP = ("pyproject.toml", "README.md", "LICENSE")
_SDIST_DIRS = ("_build", PACKAGE, "tests", "examples")


def build_sdist(sdist_directory: str, config_settings: Optional[Dict[str, Any]] = None) -> str:
    project = _project()
    dist = _dist_name(project)
    base = "%s-%s" % (dist, project["version"])
    members: List[Tuple[str, bytes]] = []
    for name in _SDIST_TOP:
        path = os.path.join(ROOT, name)
        if os.path.isfile(path):
            with open(path, "rb") as f:
                members.append((name, f.read()))
    for top in _SDIST_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(ROOT, top)):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
            for name in sorted(filenames):
                if name.endswith((".pyc", ".pyo")) or name.startswith("librecert.so"):
                    continue
                path = os.path.join(dirpath, name)
                with open(path, "rb") as f:
                    members.append((os.path.relpath(path, ROOT).replace(os.sep, "/"), f.read()))
    members.append(("PKG-INFO", _metadata(project).encode("utf-8")))
    members.sort()
    os.makedirs(sdist_directory, exist_ok=True)
    filename = base + ".tar.gz"
    target = os.path.join(sdist_directory, filename)
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, data in members:
            info = tarfile.TarInfo("%s/%s" % (base, name))
            info.size = len(data)
            info.mtime = _epoch()
            info.mode = 0o644
            info.uname = info.gname = ""
            tar.addfile(info, io.BytesIO(data))
    import gzip

    with open(target, "wb") as f:
        with gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=_epoch()) as gz:
            gz.write(raw.getvalue())
    return filename
