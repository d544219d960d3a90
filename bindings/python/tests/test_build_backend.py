"""The in-tree build backend (_build/recert_build.py): wheels and sdists
built with the standard library alone, so pip needs no network."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import os
import subprocess
import sys
import tarfile
import tempfile
import unittest
import zipfile

from .support import BINDING

sys.path.insert(0, os.path.join(BINDING, "_build"))
import recert_build  # noqa: E402  # pyright: ignore[reportMissingImports]

sys.path.pop(0)


class Backend(unittest.TestCase):
    def test_no_build_requirements(self) -> None:
        self.assertEqual(recert_build.get_requires_for_build_wheel(), [])
        self.assertEqual(recert_build.get_requires_for_build_sdist(), [])
        self.assertEqual(recert_build.get_requires_for_build_editable(), [])
        with open(os.path.join(BINDING, "pyproject.toml"), encoding="utf-8") as f:
            text = f.read()
        self.assertIn("requires = []", text)
        self.assertIn('backend-path = ["_build"]', text)

    def test_mini_toml_reads_pyproject_like_tomllib(self) -> None:
        try:
            import tomllib
        except ImportError:
            self.skipTest("tomllib needs Python 3.11")
        with open(os.path.join(BINDING, "pyproject.toml"), encoding="utf-8") as f:
            text = f.read()
        self.assertEqual(recert_build._mini_toml(text), tomllib.loads(text))

    def test_wheel(self) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            name = recert_build.build_wheel(tmp)
            self.assertEqual(name, "recert-0.1.0-py3-none-any.whl")
            with zipfile.ZipFile(os.path.join(tmp, name)) as z:
                names = z.namelist()
                for required in (
                    "recert/__init__.py",
                    "recert/_native.py",
                    "recert/py.typed",
                    "recert-0.1.0.dist-info/METADATA",
                    "recert-0.1.0.dist-info/WHEEL",
                    "recert-0.1.0.dist-info/RECORD",
                ):
                    self.assertIn(required, names)
                self.assertFalse([n for n in names if n.startswith("tests/") or "__pycache__" in n or n.endswith(".pyc")])
                metadata = z.read("recert-0.1.0.dist-info/METADATA").decode()
                self.assertIn("Name: recert\n", metadata)
                self.assertIn("Version: 0.1.0\n", metadata)
                self.assertIn("Root-Is-Purelib: true", z.read("recert-0.1.0.dist-info/WHEEL").decode())
                # RECORD lists every other file with its sha256 and size
                rows = list(csv.reader(io.StringIO(z.read("recert-0.1.0.dist-info/RECORD").decode())))
                listed = {r[0]: r for r in rows}
                self.assertEqual(set(listed), set(names))
                for n in names:
                    if n.endswith("RECORD"):
                        continue
                    data = z.read(n)
                    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
                    self.assertEqual(listed[n][1:], ["sha256=" + digest, str(len(data))], n)
            # reproducible
            again = os.path.join(tmp, "again")
            recert_build.build_wheel(again)
            with open(os.path.join(tmp, name), "rb") as a, open(os.path.join(again, name), "rb") as b:
                self.assertEqual(a.read(), b.read())

    def test_metadata(self) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            dist_info = recert_build.prepare_metadata_for_build_wheel(tmp)
            self.assertEqual(dist_info, "recert-0.1.0.dist-info")
            self.assertTrue(os.path.isfile(os.path.join(tmp, dist_info, "METADATA")))

    def test_sdist(self) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            name = recert_build.build_sdist(tmp)
            self.assertEqual(name, "recert-0.1.0.tar.gz")
            with tarfile.open(os.path.join(tmp, name)) as t:
                names = t.getnames()
            for required in ("PKG-INFO", "pyproject.toml", "README.md", "_build/recert_build.py", "recert/__init__.py"):
                self.assertIn("recert-0.1.0/" + required, names)

    def test_editable(self) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            name = recert_build.build_editable(tmp)
            with zipfile.ZipFile(os.path.join(tmp, name)) as z:
                pth = [n for n in z.namelist() if n.endswith(".pth")]
                self.assertEqual(len(pth), 1)
                finder = z.read("__editable___recert_finder.py").decode()
                z.extractall(os.path.join(tmp, "site"))
            self.assertIn(repr(os.path.join(BINDING, "recert")), finder)
            # the finder imports the package from the source tree
            code = (
                "import sys; sys.path.insert(0, %r)\n"
                "import __editable___recert_finder as f; f.install()\n"
                "import recert; print(recert.__file__)\n" % os.path.join(tmp, "site")
            )
            env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
            out = subprocess.run(
                [sys.executable, "-c", code], cwd=tmp, env=env, capture_output=True, text=True, check=True
            ).stdout
            self.assertEqual(out.strip(), os.path.join(BINDING, "recert", "__init__.py"))

    @unittest.skipUnless(os.environ.get("RECERT_TEST_PIP"), "set RECERT_TEST_PIP=1 to install into a venv with pip")
    def test_pip_install_offline_into_a_venv(self) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            venv = os.path.join(tmp, "venv")
            subprocess.run([sys.executable, "-m", "venv", venv], check=True)
            py = os.path.join(venv, "bin", "python")
            env = dict(os.environ, PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
            env.pop("PYTHONPATH", None)
            subprocess.run([py, "-m", "pip", "install", "--no-index", BINDING], check=True, env=env, cwd=tmp)
            out = subprocess.run(
                [py, "-c", "import recert, os; print(os.path.dirname(recert.__file__))"],
                check=True,
                env=env,
                cwd=tmp,
                capture_output=True,
                text=True,
            ).stdout.strip()
            self.assertTrue(out.startswith(venv), out)


if __name__ == "__main__":
    unittest.main()
