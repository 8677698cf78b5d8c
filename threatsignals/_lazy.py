"""Lazy attributes for packages whose public names live in heavy private modules."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterable, Mapping
from typing import Any

__all__ = ["lazy_attributes"]


def lazy_attributes(
    package: str, where: Mapping[str, str], public: Iterable[str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """Return ``(__getattr__, __dir__)`` for a package (PEP 562).

    Args:
        package: The package's ``__name__``.
        where: Public name -> the module that defines it (absolute, or relative to
            ``package`` when it starts with ``_``).
        public: The package's ``__all__``.

    The first access imports the defining module and caches the value on the
    package, so later accesses cost nothing.
    """
    names = tuple(public)

    def __getattr__(name: str) -> Any:  # noqa: N807 (module-level dunder)
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        if module.startswith("_"):
            module = f"{package}.{module}"
        value = getattr(importlib.import_module(module), name)
        setattr(sys.modules[package], name, value)
        return value

    def __dir__() -> list[str]:  # noqa: N807
        return sorted({*vars(sys.modules[package]), *names})

    return __getattr__, __dir__
