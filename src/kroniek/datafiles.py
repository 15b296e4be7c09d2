"""Reading the YAML data files that sit beside the code."""

from __future__ import annotations

from typing import Any

import yaml

# libyaml's C loader reads the lexicons and the KB about ten times faster than the pure
# Python one; PyYAML wheels ship it, a source build may not.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    return yaml.load(text, Loader=_LOADER)
