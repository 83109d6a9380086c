"""Loading a script that is not on the import path (bench/, packaging/, scripts/) as a module."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType


def load_script(path: Path, name: str | None = None) -> ModuleType:
    """``path`` run as the module ``name`` (its file name by default), registered in
    ``sys.modules`` first: dataclasses and pickling look a module up there by name."""
    name = name or path.stem
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
