"""A Griffe extension for the documentation site (mkdocs.yml): the Sphinx roles of the
docstrings (``:class:`~itinerary.model.Stop```, ``:func:`prepare```) become inline code
(``Stop``, ``prepare``), as a reader of the source sees them, instead of showing raw."""

from __future__ import annotations

import re
from typing import Any

import griffe

ROLE = re.compile(r":(?:class|func|meth|mod|data|attr|exc|obj):`~?(?P<target>[^`]+)`")


def _code(match: re.Match[str]) -> str:
    target = match["target"]
    shown = target.rsplit(".", 1)[-1] if match[0].split("`", 1)[1].startswith("~") else target
    return f"``{shown}``"


class SphinxRolesAsCode(griffe.Extension):
    """Rewrites every docstring once it is loaded."""

    def on_instance(self, *, obj: griffe.Object | griffe.Alias, **kwargs: Any) -> None:
        if not isinstance(obj, griffe.Alias) and obj.docstring is not None:
            obj.docstring.value = ROLE.sub(_code, obj.docstring.value)
